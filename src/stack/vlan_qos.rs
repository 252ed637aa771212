//! A VLAN device's priority maps (net/8021q/vlan_dev.c
//! `vlan_dev_set_ingress_priority`, `vlan_dev_set_egress_priority`): the
//! ingress map turns a received frame's 802.1p priority (0-7) into a
//! socket-buffer priority; the egress map turns a socket-buffer priority
//! into the 802.1p priority of sent frames.

/// `VLAN_PRIO_SHIFT` / `VLAN_PRIO_MASK` of the TCI.
const PRIO_SHIFT: u32 = 13;
const PRIO_MASK: u32 = 0xe000;

/// The maps of one VLAN device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VlanQos {
    /// `ingress_priority_map`: skb priority for each 802.1p priority.
    ingress: [u32; 8],
    /// `egress_priority_map`: 16 buckets (skb priority & 0xf), each a list
    /// of (skb priority, TCI priority bits), newest first.
    egress: [Vec<(u32, u32)>; 16],
}

impl VlanQos {
    /// `vlan_dev_set_ingress_priority(dev, skb_prio, vlan_prio)`.
    pub fn set_ingress(&mut self, vlan_prio: u32, skb_prio: u32) {
        self.ingress[(vlan_prio & 7) as usize] = skb_prio;
    }

    /// `vlan_dev_set_egress_priority(dev, skb_prio, vlan_prio)`: an
    /// existing mapping of `skb_prio` is updated in place, a new one goes
    /// to the front of its bucket.
    pub fn set_egress(&mut self, skb_prio: u32, vlan_prio: u32) {
        let qos = (vlan_prio << PRIO_SHIFT) & PRIO_MASK;
        let bucket = &mut self.egress[(skb_prio & 0xf) as usize];
        match bucket.iter_mut().find(|(p, _)| *p == skb_prio) {
            Some(m) => m.1 = qos,
            None => bucket.insert(0, (skb_prio, qos)),
        }
    }

    /// The ingress mappings set (from 802.1p priority, to skb priority),
    /// in priority order (`vlan_fill_info`).
    pub fn ingress_mappings(&self) -> Vec<(u32, u32)> {
        (0u32..).zip(self.ingress).filter(|(_, to)| *to != 0).collect()
    }

    /// The egress mappings with a non-zero priority (from skb priority, to
    /// 802.1p priority), bucket by bucket, each newest first.
    pub fn egress_mappings(&self) -> Vec<(u32, u32)> {
        self.egress.iter().flatten().filter(|(_, q)| *q != 0).map(|(p, q)| (*p, (q >> PRIO_SHIFT) & 7)).collect()
    }

    /// The 802.1p priority a frame of skb priority `prio` is sent with
    /// (`vlan_dev_get_egress_qos_mask`).
    pub fn egress_priority(&self, prio: u32) -> u8 {
        let bucket = &self.egress[(prio & 0xf) as usize];
        bucket.iter().find(|(p, _)| *p == prio).map_or(0, |(_, q)| ((q >> PRIO_SHIFT) & 7) as u8)
    }

    /// The skb priority a frame received with 802.1p priority `pcp` gets.
    pub fn ingress_priority(&self, pcp: u8) -> u32 {
        self.ingress[usize::from(pcp & 7)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ingress_maps_by_pcp_and_drops_zero_entries() {
        let mut q = VlanQos::default();
        q.set_ingress(2, 5);
        q.set_ingress(9, 7); // 9 & 7 = 1
        q.set_ingress(2, 0); // cleared again
        assert_eq!(q.ingress_mappings(), vec![(1, 7)]);
        assert_eq!(q.ingress_priority(1), 7);
    }

    #[test]
    fn egress_buckets_list_newest_first_and_hide_zero_priorities() {
        let mut q = VlanQos::default();
        q.set_egress(1, 2);
        q.set_egress(17, 3); // same bucket as 1, in front of it
        q.set_egress(4, 9); // 9 << 13 & 0xe000: priority 1
        q.set_egress(5, 0); // a mapping to 0 is kept but not listed
        q.set_egress(1, 6); // updated in place
        assert_eq!(q.egress_mappings(), vec![(17, 3), (1, 6), (4, 1)]);
        assert_eq!(q.egress_priority(5), 0);
        assert_eq!(q.egress_priority(17), 3);
    }
}
