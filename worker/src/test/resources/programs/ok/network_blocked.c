// No network: AF_INET and AF_INET6 sockets are refused (EAFNOSUPPORT), and the namespace has
// no interface up anyway.
// expect: stdout contains inet blocked
// expect: stdout contains inet6 blocked
// expect: stdout contains netlink blocked
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) {
    printf("inet blocked (errno %d)\n", errno);
  } else {
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(80)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    if (connect(s, (struct sockaddr *)&a, sizeof a) == 0) puts("ESCAPED: connected");
    else puts("inet blocked (connect failed)");
  }
  if (socket(AF_INET6, SOCK_DGRAM, 0) < 0) puts("inet6 blocked");
  if (socket(AF_NETLINK, SOCK_RAW, 0) < 0) puts("netlink blocked");
  return 0;
}
