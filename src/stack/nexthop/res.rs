//! The bucket table of a resilient next-hop group (net/ipv4/nexthop.c,
//! `struct nh_res_table`): a fixed number of buckets, each naming a
//! member; `nh_res_group_rebalance` works out how many buckets each member
//! wants from the weights, and `nh_res_table_upkeep` moves buckets from
//! members that hold too many to those that hold too few, once a bucket has
//! been idle for `idle_timer` or the table unbalanced for
//! `unbalanced_timer`. Times are the world's virtual clock in
//! milliseconds; the timers are kept in clock_t (hundredths of a second,
//! as NHA_RES_GROUP carries them). A lookup through a bucket marks it used
//! at the namespace's clock reading (`nexthop::Table::clock`).

use std::cell::Cell;

use super::Member;

/// `NH_RES_DEFAULT_IDLE_TIMER`: 120 s, in clock_t.
pub const DEFAULT_IDLE_TIMER: u32 = 12_000;
/// `NH_RES_DEFAULT_UNBALANCED_TIMER`: 0, never force.
pub const DEFAULT_UNBALANCED_TIMER: u32 = 0;
/// `NH_RES_UPKEEP_DW_MINIMUM_INTERVAL` (HZ / 2), in ms.
const MIN_UPKEEP_INTERVAL_MS: u64 = 500;

/// What NHA_RES_GROUP asks of a resilient group (`struct nh_config`'s
/// `nh_grp_res_*`); each part is kept only if given, and a replace
/// changes only those.
#[derive(Debug, Default, Clone, Copy)]
pub struct Config {
    /// NHA_RES_GROUP_BUCKETS.
    pub buckets: Option<u16>,
    /// NHA_RES_GROUP_IDLE_TIMER, clock_t.
    pub idle_timer: Option<u32>,
    /// NHA_RES_GROUP_UNBALANCED_TIMER, clock_t.
    pub unbalanced_timer: Option<u32>,
}

/// One bucket (`struct nh_res_bucket`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The member it sends to; 0 when not occupied.
    pub nh_id: u32,
    /// `used_time` (ms): a lookup through the bucket sets it
    /// (`nh_res_bucket_set_busy`), hence the cell.
    pub used_ms: Cell<u64>,
    /// Whether a lookup used it since it was last moved (Linux compares
    /// `used_time` with `migrated_time`; the virtual clock may not have
    /// moved between the two, so this says it).
    pub used_since_move: Cell<bool>,
}

/// What a member wants and holds (`nhge->res`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Share {
    id: u32,
    wants: u16,
    count: u16,
}

/// A resilient group's table (`struct nh_res_table`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The buckets; their number never changes.
    pub buckets: Vec<Bucket>,
    /// `idle_timer`, clock_t.
    pub idle_timer: u32,
    /// `unbalanced_timer`, clock_t (0: never force a migration).
    pub unbalanced_timer: u32,
    /// `unbalanced_since` (ms).
    pub unbalanced_since: u64,
    /// The underweight members (`uw_nh_entries`), the head first.
    uw: Vec<u32>,
    /// Each member's share, in group order.
    shares: Vec<Share>,
    /// When the delayed upkeep runs next (`upkeep_dw`), if queued.
    pub next_upkeep: Option<u64>,
}

/// clock_t (USER_HZ 100) to milliseconds.
fn ms(clock: u32) -> u64 {
    u64::from(clock) * 10
}

impl Table {
    /// `nexthop_res_table_alloc`: `n` empty buckets and the timers.
    pub fn new(n: u16, idle_timer: u32, unbalanced_timer: u32) -> Table {
        let empty = Bucket { nh_id: 0, used_ms: Cell::new(0), used_since_move: Cell::new(false) };
        Table {
            buckets: vec![empty; usize::from(n)],
            idle_timer,
            unbalanced_timer,
            unbalanced_since: 0,
            uw: Vec::new(),
            shares: Vec::new(),
            next_upkeep: None,
        }
    }

    /// Whether every member holds the buckets it wants.
    pub fn is_balanced(&self) -> bool {
        self.uw.is_empty()
    }

    /// `nh_res_table_unbalanced_time` in clock_t.
    pub fn unbalanced_time(&self, now: u64) -> u64 {
        if self.is_balanced() { 0 } else { now.saturating_sub(self.unbalanced_since) / 10 }
    }

    /// `nh_res_bucket_idle_time` of bucket `i` in clock_t.
    pub fn idle_time(&self, i: usize, now: u64) -> u64 {
        self.buckets.get(i).map_or(0, |b| now.saturating_sub(b.used_ms.get()) / 10)
    }

    fn share(&mut self, id: u32) -> Option<&mut Share> {
        self.shares.iter_mut().find(|s| s.id == id)
    }

    /// `nh_res_table_migrate_buckets`: buckets of members no longer in
    /// `members` become unoccupied.
    pub fn migrate_buckets(&mut self, members: &[Member]) {
        for b in &mut self.buckets {
            if !members.iter().any(|m| m.id == b.nh_id) {
                b.nh_id = 0;
            }
        }
    }

    /// `nh_res_group_rebalance`: each member's wanted share of the buckets
    /// (`round(buckets * cumulative weight / total)` less the previous
    /// bound), and the underweight ones, the last in group order first.
    pub fn rebalance(&mut self, members: &[Member], now: u64) {
        let n = self.buckets.len() as u64;
        let total: u64 = members.iter().map(|m| u64::from(m.weight)).sum();
        self.uw.clear();
        self.shares.clear();
        let (mut w, mut prev) = (0u64, 0u64);
        for m in members {
            w += u64::from(m.weight);
            let upper = (n * w + total / 2).checked_div(total).unwrap_or(0);
            let wants = upper.saturating_sub(prev) as u16;
            prev = upper;
            let count = self.buckets.iter().filter(|b| b.nh_id == m.id).count() as u16;
            self.shares.push(Share { id: m.id, wants, count });
            if count < wants {
                if self.uw.is_empty() {
                    self.unbalanced_since = now;
                }
                self.uw.insert(0, m.id);
            }
        }
    }

    /// `nh_res_bucket_should_migrate`: whether bucket `i` moves now, and
    /// the deadline refined with its idle and unbalanced points.
    fn should_migrate(&self, i: usize, now: u64, deadline: &mut u64) -> bool {
        let b = &self.buckets[i];
        if b.nh_id == 0 {
            return true;
        }
        let overweight = self.shares.iter().find(|s| s.id == b.nh_id).is_some_and(|s| s.count > s.wants);
        if !overweight {
            return false;
        }
        let used = b.used_ms.get();
        let idle_point = if b.used_since_move.get() { used.saturating_add(ms(self.idle_timer)) } else { now };
        if now >= idle_point {
            return true;
        }
        if self.unbalanced_timer != 0 {
            let unb_point = self.unbalanced_since.saturating_add(ms(self.unbalanced_timer));
            if now > unb_point {
                return true;
            }
            *deadline = (*deadline).min(unb_point);
        }
        *deadline = (*deadline).min(idle_point);
        false
    }

    /// `nh_res_table_upkeep` at `now`: migrates the buckets that may move
    /// to the underweight members and queues the next run while the table
    /// stays unbalanced. Returns the indexes of the buckets it moved.
    pub fn upkeep(&mut self, now: u64) -> Vec<u16> {
        let first = if self.unbalanced_timer != 0 { self.unbalanced_timer } else { self.idle_timer };
        let mut deadline = now.saturating_add(ms(first));
        let mut moved = Vec::new();
        self.next_upkeep = None;
        for i in 0..self.buckets.len() {
            if !self.should_migrate(i, now, &mut deadline) {
                continue;
            }
            // nh_res_bucket_migrate
            let Some(&new) = self.uw.first() else { continue };
            let old = self.buckets[i].nh_id;
            if let Some(s) = self.share(old) {
                s.count -= 1;
            }
            self.buckets[i] = Bucket { nh_id: new, used_ms: Cell::new(now), used_since_move: Cell::new(false) };
            let balanced = self.share(new).is_some_and(|s| {
                s.count += 1;
                s.count == s.wants
            });
            if balanced {
                self.uw.remove(0);
            }
            moved.push(i as u16);
        }
        if !self.is_balanced() {
            self.next_upkeep = Some(deadline.max(now.saturating_add(MIN_UPKEEP_INTERVAL_MS)));
        }
        moved
    }

    /// `replace_nexthop_grp_res`: the table follows a new member list (a
    /// replaced group, or one that lost a member): buckets of members
    /// gone are freed, the shares worked out again (still unbalanced, it
    /// stays so since when it became so) and the upkeep run at once.
    pub fn replace_members(&mut self, members: &[Member], now: u64) {
        let (since, was_unbalanced) = (self.unbalanced_since, !self.is_balanced());
        self.migrate_buckets(members);
        self.rebalance(members, now);
        if was_unbalanced && !self.is_balanced() {
            self.unbalanced_since = since;
        }
        self.upkeep(now);
    }

    /// `nexthop_select_path_res`: the index in `members` of the member
    /// bucket `hash % buckets` sends to; the bucket is marked used at `now`.
    pub fn select(&self, members: &[Member], hash: u32, now: u64) -> Option<usize> {
        let n = self.buckets.len() as u32;
        let b = self.buckets.get((hash % n.max(1)) as usize)?;
        b.used_ms.set(now);
        b.used_since_move.set(true);
        members.iter().position(|m| m.id == b.nh_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(w: &[(u32, u16)]) -> Vec<Member> {
        w.iter().map(|&(id, weight)| Member { id, weight }).collect()
    }

    #[test]
    fn initial_fill_gives_the_last_underweight_member_the_first_buckets() {
        let m = members(&[(1, 3), (2, 1)]);
        let mut t = Table::new(16, DEFAULT_IDLE_TIMER, 0);
        t.rebalance(&m, 0);
        t.upkeep(0);
        let ids: Vec<u32> = t.buckets.iter().map(|b| b.nh_id).collect();
        assert_eq!(ids, [2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
        assert!(t.is_balanced());
        assert_eq!(t.next_upkeep, None);
    }

    #[test]
    fn busy_buckets_wait_for_the_idle_timer() {
        let m = members(&[(1, 1), (2, 1)]);
        let mut t = Table::new(4, 100, 0);
        t.rebalance(&m, 0);
        t.upkeep(0);
        for b in &t.buckets {
            b.used_ms.set(50);
            b.used_since_move.set(true);
        }
        let m3 = members(&[(1, 1), (2, 1), (3, 2)]);
        t.rebalance(&m3, 100);
        assert!(t.upkeep(100).is_empty());
        assert_eq!(t.next_upkeep, Some(1050));
        assert_eq!(t.upkeep(1050).len(), 2);
        assert!(t.is_balanced());
    }
}
