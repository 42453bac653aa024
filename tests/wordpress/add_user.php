<?php
// Adds a user with a role and an application password to a test WordPress started by
// start.sh (for tests needing a user the site refuses, e.g. a subscriber that may not
// create posts). Usage: php add_user.php ID HOST:PORT USER ROLE. Prints the password.
[$_, $id, $hostport, $user, $role] = $argv;
$_SERVER['WORDPRESS_CONFIG'] = $id;
$_SERVER['HTTP_HOST'] = $hostport;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD'] = 'GET';
require '/usr/share/wordpress/wp-load.php';
$uid = wp_insert_user([
    'user_login' => $user,
    'user_pass' => wp_generate_password(24, false),
    'user_email' => $user . '@example.invalid',
    'role' => $role,
]);
if (is_wp_error($uid)) {
    fwrite(STDERR, 'add_user: ' . $uid->get_error_message() . "\n");
    exit(1);
}
$made = WP_Application_Passwords::create_new_application_password($uid, ['name' => 'newsdesk-tests']);
if (is_wp_error($made)) {
    fwrite(STDERR, 'add_user: ' . $made->get_error_message() . "\n");
    exit(1);
}
echo $made[0];
