//! Usage texts, byte for byte as iproute2 6.1 prints them.

/// `ip help` (ip/ip.c `usage`).
pub const IP: &str = include_str!("usage/ip.txt");
/// `ip link help` (ip/iplink.c `iplink_usage`, with RTM_NEWLINK support).
pub const LINK: &str = include_str!("usage/link.txt");
/// `ip address help` (ip/ipaddress.c `usage`, ending with the link types).
pub const ADDRESS: &str = include_str!("usage/address.txt");
/// The `TYPE := ...` list (`iplink_types_usage`).
pub const LINK_TYPES: &str = "TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }
";
/// `ip link help veth` (printed on standard output).
pub const TYPE_VETH: &str = include_str!("usage/type_veth.txt");
/// `ip link help bridge`.
pub const TYPE_BRIDGE: &str = include_str!("usage/type_bridge.txt");
/// `ip link help bridge_slave`.
pub const TYPE_BRIDGE_SLAVE: &str = include_str!("usage/type_bridge_slave.txt");
/// `ip link help macvlan`.
pub const TYPE_MACVLAN: &str = include_str!("usage/type_macvlan.txt");
/// `ip link help dummy`.
pub const TYPE_DUMMY: &str = include_str!("usage/type_dummy.txt");
/// `ip link help vrf`.
pub const TYPE_VRF: &str = include_str!("usage/type_vrf.txt");
/// `ip link help vlan`.
pub const TYPE_VLAN: &str = include_str!("usage/type_vlan.txt");
/// `ip link help vxlan`.
pub const TYPE_VXLAN: &str = include_str!("usage/type_vxlan.txt");

#[cfg(test)]
mod tests {
    #[test]
    fn address_usage_ends_with_link_types() {
        assert!(super::ADDRESS.ends_with(super::LINK_TYPES));
        assert!(super::LINK.ends_with(super::LINK_TYPES));
    }
}
