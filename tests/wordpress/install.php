<?php
// Installs the test WordPress from PHP (WP-CLI is not packaged) and creates an
// application password. Usage: php install.php ID HOST:PORT USER. Prints the password.
[$_, $id, $hostport, $user] = $argv;
$_SERVER['WORDPRESS_CONFIG'] = $id;
$_SERVER['HTTP_HOST'] = $hostport;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Newsdesk test', $user, $user . '@example.invalid', false, '',
                     wp_generate_password(24, false));
if (is_wp_error($result) || empty($result['user_id'])) {
    fwrite(STDERR, "install: wp_install failed\n");
    exit(1);
}
update_option('permalink_structure', '/%postname%/');
flush_rewrite_rules(false);
$made = WP_Application_Passwords::create_new_application_password(
    $result['user_id'], ['name' => 'newsdesk-tests']);
if (is_wp_error($made)) {
    fwrite(STDERR, 'install: ' . $made->get_error_message() . "\n");
    exit(1);
}
echo $made[0];
