//! RTM_{NEW,DEL,GET}ROUTE for IPv4 (net/ipv4/fib_frontend.c
//! `rtm_to_fib_config`, `inet_rtm_newroute`, `inet_dump_fib`,
//! net/ipv4/route.c `inet_rtm_getroute`) and IPv6 (net/ipv6/route.c), and
//! the messages describing a route (`fib_dump_info`, `rt6_fill_node`).

mod config;
mod delroute;
mod fill;
mod getroute;
mod newroute;
mod nhid;

pub use delroute::del_route;
pub use fill::{fill4, fill6};
pub use getroute::{dump_routes, get_route};
pub use newroute::new_route;
