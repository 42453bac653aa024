<?php
// The router of the test WordPress under `php -S`. Every request gets this instance's
// config (Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php), so
// several instances can run at once; /wp-content/* is served from the instance folder
// (Debian keeps wp-content outside the document root). Everything else is WordPress.
$_SERVER['WORDPRESS_CONFIG'] = getenv('NEWSDESK_WP_ID');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (is_string($path) && str_starts_with($path, '/wp-content/')) {
    $root = realpath(getenv('NEWSDESK_WP_ROOT') . '/wp-content');
    $file = realpath($root . substr($path, strlen('/wp-content')));
    if ($file === false || !str_starts_with($file, $root . '/') || !is_file($file)) {
        http_response_code(404);
        return true;
    }
    $types = ['jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png',
              'webp' => 'image/webp', 'gif' => 'image/gif', 'css' => 'text/css',
              'js' => 'text/javascript'];
    $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}
return false;
