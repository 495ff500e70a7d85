<?php
// The front controller for `php -S`: WordPress's pretty addresses (/wp-json/...) need one, as
// Apache's .htaccess is to it. The site is a tree of links to Debian's /usr/share/wordpress
// with a wp-config.php of its own, so ABSPATH is set here: Debian's files resolve their links.
// OMROEPER_WP_SCENE=strip_authorization plays a host that drops the Authorization header
// (as Apache does without `CGIPassAuth On`): WordPress then sees an anonymous request.
// OMROEPER_WP_SCENE=small_uploads plays a web server that refuses large requests (413).
define('ABSPATH', __DIR__ . '/');
if (getenv('OMROEPER_WP_SCENE') === 'strip_authorization') {
    unset($_SERVER['HTTP_AUTHORIZATION'], $_SERVER['PHP_AUTH_USER'], $_SERVER['PHP_AUTH_PW']);
}
if (getenv('OMROEPER_WP_SCENE') === 'small_uploads'
    && (int) ($_SERVER['CONTENT_LENGTH'] ?? 0) > 100000) {
    // a host whose web server takes requests of at most 100 KB (nginx's client_max_body_size):
    // it answers before WordPress runs, with its own page
    http_response_code(413);
    header('Content-Type: text/html');
    echo "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
        . "<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n"
        . "</body>\r\n</html>\r\n";
    return true;
}
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$file = realpath(ABSPATH . ltrim($path, '/'));
if ($file !== false && is_dir($file) && is_file($file . '/index.php')) {
    $file .= '/index.php';
}
if ($file !== false && is_file($file) && substr($file, -4) !== '.php') {
    return false;  // a picture, a script, a style: served as it is
}
if ($file === false || !is_file($file)) {
    $file = ABSPATH . 'index.php';  // WordPress reads the address itself
    $_SERVER['SCRIPT_NAME'] = '/index.php';
} else {
    $_SERVER['SCRIPT_NAME'] = '/' . ltrim(substr($path, 0, strrpos($path, '.php') + 4), '/');
    if (substr($path, -1) === '/') {
        $_SERVER['SCRIPT_NAME'] = rtrim($path, '/') . '/index.php';
    }
}
// wp-cron.php loads WordPress only where ABSPATH is not defined yet (it is, above): load it
// here, so that a request to wp-cron.php runs what is due, as a real host's cron job does
// (DISABLE_WP_CRON in wp-config.php: no visit starts it).
if (basename($file) === 'wp-cron.php') {
    require_once ABSPATH . 'wp-load.php';
}
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
chdir(dirname($file));
require $file;
