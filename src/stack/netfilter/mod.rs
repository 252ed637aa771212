//! The packet filter of one namespace: nf_tables' tables, chains and rules
//! (the state `net/netfilter/nf_tables_api.c` keeps per `struct net`), the
//! generation counter that every committed batch moves, and the hook the
//! packet walk calls.

pub mod conntrack;
pub mod eval;
/// The expression codec lives with the other nf_tables wire code.
pub use crate::wire::nf_expr as expr;
mod hook;
pub mod nat;
pub mod set;
pub(crate) mod xt;

pub use expr::{Data, Expr};
pub use hook::{Verdict, hook};

/// Netfilter hooks (`enum nf_inet_hooks`), in the numbering of the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hook {
    /// NF_INET_PRE_ROUTING.
    Prerouting = 0,
    /// NF_INET_LOCAL_IN.
    Input = 1,
    /// NF_INET_FORWARD.
    Forward = 2,
    /// NF_INET_LOCAL_OUT.
    Output = 3,
    /// NF_INET_POST_ROUTING.
    Postrouting = 4,
}

/// A base chain's attachment: hook, priority, type and policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseChain {
    /// The hook number (NF_INET_*).
    pub hooknum: u32,
    /// The priority (lower runs first).
    pub priority: i32,
    /// The chain type: "filter", "nat" or "route".
    pub kind: String,
    /// NF_ACCEPT or NF_DROP.
    pub policy: u32,
    /// Packets and bytes through the chain, when it was created with
    /// NFTA_CHAIN_COUNTERS (iptables-nft does).
    pub counters: Option<(u64, u64)>,
    /// When its hook was registered, counted across the namespace's base
    /// chains: of two chains of equal priority the later one runs first
    /// (nf_hook_entries_grow inserts before the first of equal priority).
    pub registered: u64,
}

/// A rule: its handle, expressions and user data (nft keeps comments there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The handle, unique within the table.
    pub handle: u64,
    /// The expressions, evaluated in order.
    pub exprs: Vec<Expr>,
    /// NFTA_RULE_USERDATA as given.
    pub userdata: Option<Vec<u8>>,
    /// The rule's first test in a compact form (from `exprs`), so that a
    /// packet skips most rules without reading their expressions.
    pub lead: Option<eval::Lead>,
}

impl Rule {
    /// A rule of these expressions, its [`eval::Lead`] worked out.
    pub fn new(handle: u64, exprs: Vec<Expr>, userdata: Option<Vec<u8>>) -> Rule {
        let lead = eval::Lead::of(&exprs);
        Rule { handle, exprs, userdata, lead }
    }
}

/// A chain: a base chain when it has a hook, a regular one otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// The name.
    pub name: String,
    /// The handle, unique within the table.
    pub handle: u64,
    /// The hook attachment of a base chain.
    pub base: Option<BaseChain>,
    /// The rules, in order.
    pub rules: Vec<Rule>,
    /// NFTA_CHAIN_USERDATA as given.
    pub userdata: Option<Vec<u8>>,
}

/// A table of one family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// NFPROTO_* family.
    pub family: u8,
    /// The name.
    pub name: String,
    /// The handle, unique within the namespace.
    pub handle: u64,
    /// NFT_TABLE_F_* flags.
    pub flags: u32,
    /// The chains, in the order they were added.
    pub chains: Vec<Chain>,
    /// The sets and maps, in the order they were added.
    pub sets: Vec<set::Set>,
    /// The last handle given to a chain or rule (`table->hgenerator`).
    pub hgenerator: u64,
    /// NFTA_TABLE_USERDATA as given.
    pub userdata: Option<Vec<u8>>,
}

impl Table {
    /// A chain by name.
    pub fn chain(&self, name: &str) -> Option<&Chain> {
        self.chains.iter().find(|c| c.name == name)
    }

    /// A chain by name, for changing.
    pub fn chain_mut(&mut self, name: &str) -> Option<&mut Chain> {
        self.chains.iter_mut().find(|c| c.name == name)
    }

    /// The next chain or rule handle (`nf_tables_alloc_handle`).
    pub fn alloc_handle(&mut self) -> u64 {
        self.hgenerator += 1;
        self.hgenerator
    }

    /// NFTA_TABLE_USE: the objects the table holds (its chains and named
    /// sets: nf_tables_commit gives back a bound anonymous set's count).
    pub fn use_count(&self) -> u32 {
        let named = self.sets.iter().filter(|s| s.flags & crate::wire::nftables::set_flags::ANONYMOUS == 0).count();
        (self.chains.len() + named) as u32
    }

    /// A set by name.
    pub fn set(&self, name: &str) -> Option<&set::Set> {
        self.sets.iter().find(|s| s.name == name)
    }

    /// The rules that look a set up (NFTA_SET_USE).
    pub fn set_use(&self, name: &str) -> u32 {
        let uses = self.chains.iter().flat_map(|c| &c.rules).flat_map(|r| &r.exprs);
        uses.filter(|e| matches!(e, Expr::Lookup { set, .. } if set == name)).count() as u32
    }

    /// NFTA_CHAIN_USE: the chain's rules plus the jumps and gotos to it.
    pub fn chain_use(&self, chain: &Chain) -> u32 {
        let jumps = self
            .chains
            .iter()
            .flat_map(|c| &c.rules)
            .flat_map(|r| &r.exprs)
            .filter(|e| matches!(e, Expr::Immediate { data: Data::Verdict { chain: Some(to), .. }, .. } if *to == chain.name))
            .count();
        (chain.rules.len() + jumps) as u32
    }
}

/// The nf_tables state of a namespace (`struct nftables_pernet`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NfTables {
    /// The generation (`base_seq`): moves once per batch that changed something.
    pub generation: u32,
    /// The last table handle given out.
    pub table_handle: u64,
    /// The tables, in the order they were added.
    pub tables: Vec<Table>,
    /// The connections the hooks track (not part of the ruleset: a batch
    /// leaves them alone).
    pub conntrack: conntrack::Conntrack,
}

impl Default for NfTables {
    fn default() -> Self {
        NfTables { generation: 1, table_handle: 0, tables: Vec::new(), conntrack: Default::default() }
    }
}

impl NfTables {
    /// A table by family and name.
    pub fn table(&self, family: u8, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.family == family && t.name == name)
    }

    /// A table by family and name, for changing.
    pub fn table_mut(&mut self, family: u8, name: &str) -> Option<&mut Table> {
        self.tables.iter_mut().find(|t| t.family == family && t.name == name)
    }
}
