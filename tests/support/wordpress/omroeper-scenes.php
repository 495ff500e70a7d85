<?php
// A must-use plugin of the test site: the sites Omroeper meets, one per server
// (OMROEPER_WP_SCENE in the `php -S` environment). The default scene is a plain WordPress.
$omroeper_scene = getenv('OMROEPER_WP_SCENE') ?: '';
if ($omroeper_scene === 'no_application_passwords') {
    // as a security plugin or `add_filter` in a theme switches them off
    add_filter('wp_is_application_passwords_available', '__return_false');
}
if ($omroeper_scene === 'plain_permalinks') {
    // a site without pretty addresses: its REST root is ?rest_route=/
    add_filter('pre_option_permalink_structure', '__return_empty_string');
}
if ($omroeper_scene === 'signed_in_administrator') {
    // For the documentation's screenshot of the profile page only: every visitor is the
    // administrator (auth_redirect is pluggable, so this one wins), and the page shows the
    // Application Passwords part of the profile.
    add_filter('determine_current_user', static fn () => 1, 99);
    function auth_redirect() {}
    add_action('admin_head', static function () {
        echo '<style>#your-profile > *:not(#application-passwords-section):not(.submit)'
            . ':not(input) { display: none; } #wpfooter { display: none; }</style>';
    });
}
if ($omroeper_scene === 'polylang') {
    // a site with Polylang: posts carry a `lang` field in the REST API (a language's slug)
    add_action('rest_api_init', static function () {
        register_rest_field('post', 'lang', [
            'get_callback' => static fn ($post) => get_post_meta($post['id'], 'omroeper_lang', true),
            'update_callback' => static fn ($value, $post) =>
                update_post_meta($post->ID, 'omroeper_lang', sanitize_key($value)),
            // Polylang offers the site's languages only: this site has Dutch and English
            'schema' => ['type' => 'string', 'description' => 'Language of the post',
                'enum' => ['nl', 'en']],
        ]);
    });
}
if ($omroeper_scene === 'no_jpeg_uploads') {
    // a site (or a security plugin) that takes no JPEG files in its media library
    add_filter('upload_mimes', static function ($types) {
        unset($types['jpg|jpeg|jpe']);
        return $types;
    });
}
if ($omroeper_scene === 'required_field') {
    // a site whose posts need a field of its own (like OpenWebconcept's), which it checks
    add_action('rest_api_init', static function () {
        register_rest_field('post', 'owc_region', [
            'get_callback' => static fn ($post) => '',
            'schema' => ['type' => 'string', 'enum' => ['noord', 'zuid'], 'required' => true],
        ]);
    });
}
