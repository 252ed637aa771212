# echo, an unknown command, and exit statuses
echo hello
echo
echo hello world
echo "quoted text"
echo -n no newline
frob
ipx
echo after
