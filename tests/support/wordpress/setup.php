<?php
// Installs the test site through WordPress itself and makes its people: one user per role,
// each with an application password. Run once per test session by tests/support/wordpress.py
// as `php setup.php SITE_DIR HOST PASSWORD`; prints JSON {role: {user, id, app_password}}.
[$script, $site, $host, $password] = $argv;
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['REQUEST_URI'] = '/';
define('ABSPATH', rtrim($site, '/') . '/');
define('WP_INSTALLING', true);
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Omroeper test', 'admin', 'admin@example.org', true, '', $password, 'en_US');
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
wp_insert_term('Nieuws', 'category');
wp_insert_term('Agenda', 'category');
$people = [];
foreach (['administrator', 'editor', 'author', 'contributor', 'subscriber'] as $role) {
    $id = $role === 'administrator' ? 1 : wp_insert_user([
        'user_login' => $role,
        'user_pass' => $password,
        'user_email' => "$role@example.org",
        'display_name' => ucfirst($role) . ' Omroeper',
        'role' => $role,
    ]);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message());
        exit(1);
    }
    [$app_password] = WP_Application_Passwords::create_new_application_password(
        $id, ['name' => 'Omroeper tests']
    );
    $people[$role] = [
        'user' => get_userdata($id)->user_login,
        'id' => $id,
        'app_password' => $app_password,
    ];
}
echo json_encode($people);
