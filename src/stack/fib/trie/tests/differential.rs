//! Seeded randomized differential tests of the prefix trie against a
//! brute-force model (a plain list of prefixes): every operation, then the
//! structure (`check`), lookups and each walk order compared.

use super::*;

/// A brute-force model: a list of (prefix, length, value).
struct Model<K> {
    entries: Vec<(K, u8, u32)>,
}

impl<K: PrefixKey> Model<K> {
    fn find(&self, k: K, l: u8) -> Option<usize> {
        self.entries.iter().position(|e| e.0 == k.mask(l) && e.1 == l)
    }
    fn matches(&self, addr: K) -> Vec<(K, u8, u32)> {
        let mut m: Vec<_> = self.entries.iter().copied().filter(|e| addr.mask(e.1) == e.0).collect();
        m.sort_by_key(|e| std::cmp::Reverse(e.1));
        m
    }
    fn sorted(&self, cmp: impl Fn(&(K, u8, u32), &(K, u8, u32)) -> std::cmp::Ordering) -> Vec<(K, u8, u32)> {
        let mut v = self.entries.clone();
        v.sort_by(cmp);
        v
    }
}

fn cmp_pre<K: PrefixKey>(a: &(K, u8, u32), b: &(K, u8, u32)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(a.1.cmp(&b.1))
}

fn cmp_linux_v4<K: PrefixKey>(a: &(K, u8, u32), b: &(K, u8, u32)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1))
}

fn cmp_post<K: PrefixKey>(a: &(K, u8, u32), b: &(K, u8, u32)) -> std::cmp::Ordering {
    let c = a.1.min(b.1);
    if a.0.mask(c) == b.0.mask(c) { b.1.cmp(&a.1) } else { a.0.cmp(&b.0) }
}

fn compare<K: PrefixKey>(t: &PrefixTrie<K, u32>, m: &Model<K>) {
    check(t);
    assert_eq!(t.len(), m.entries.len());
    let got = |it: &mut dyn Iterator<Item = (K, u8, &u32)>| it.map(|(k, l, v)| (k, l, *v)).collect::<Vec<_>>();
    assert_eq!(got(&mut t.iter()), m.sorted(cmp_pre));
    assert_eq!(got(&mut t.iter_linux_v4()), m.sorted(cmp_linux_v4));
    assert_eq!(got(&mut t.iter_postorder()), m.sorted(cmp_post));
    assert_eq!(t.iter().len(), m.entries.len());
}

/// A random key near one of a few bases, so prefixes nest and collide.
fn random_key<K: PrefixKey>(rng: &mut Rng, bases: &[K], from_bits: impl Fn(u128) -> K) -> K {
    let base = bases[rng.below(bases.len() as u64) as usize];
    let noise = from_bits((u128::from(rng.next()) << 64) | u128::from(rng.next()));
    match rng.below(4) {
        0 => noise,
        1 => base,
        // The base's first bits (to about `keep`), then noise.
        _ => {
            let keep = rng.below(u64::from(K::BITS) + 1) as u8;
            let m = noise.mask(keep);
            mix(base, noise, m)
        }
    }
}

fn mix<K: PrefixKey>(base: K, noise: K, noise_masked: K) -> K {
    // Chunk by chunk: the base's where `noise_masked` still equals
    // `noise` (inside the kept prefix, roughly), the noise's after.
    let mut out = K::default();
    let mut vd = 0;
    while vd <= OFFSET + K::BITS {
        let c = if noise_masked.chunk(vd) == noise.chunk(vd) { base.chunk(vd) } else { noise.chunk(vd) };
        out = out.put_chunk(vd, c);
        vd += STRIDE;
    }
    out
}

fn differential<K: PrefixKey>(seed: u64, ops: usize, from_bits: impl Fn(u128) -> K) {
    let mut rng = Rng(seed);
    let bases: Vec<K> = (0..4).map(|_| from_bits((u128::from(rng.next()) << 64) | u128::from(rng.next()))).collect();
    let mut bases = bases;
    bases.push(K::default());
    let mut t = PrefixTrie::<K, u32>::new();
    let mut m = Model { entries: Vec::new() };
    let random_len = |rng: &mut Rng| -> u8 {
        match rng.below(8) {
            0 => 0,
            1 => K::BITS,
            _ => rng.below(u64::from(K::BITS) + 1) as u8,
        }
    };
    for step in 0..ops {
        let k = random_key(&mut rng, &bases, &from_bits);
        let l = random_len(&mut rng);
        let val = rng.next() as u32;
        // Alternate growing and shrinking phases so the table gets big
        // (and its arenas fragmented) as well as small.
        let growing = (step / 400) % 2 == 0;
        let mut op = rng.below(12);
        if growing && (5..=7).contains(&op) && rng.below(4) != 0 {
            op = 0;
        }
        if growing && op == 9 && rng.below(8) != 0 || growing && op == 10 || !growing && op < 4 && rng.below(2) == 0 {
            op = 11;
        }
        match op {
            0..=3 => {
                let old = m.find(k, l).map(|i| mem::replace(&mut m.entries[i].2, val));
                if old.is_none() {
                    m.entries.push((k.mask(l), l, val));
                }
                assert_eq!(t.insert(k, l, val), old);
            }
            4 => {
                let got = *t.get_or_insert_with(k, l, || val);
                let want = match m.find(k, l) {
                    Some(i) => m.entries[i].2,
                    None => {
                        m.entries.push((k.mask(l), l, val));
                        val
                    }
                };
                assert_eq!(got, want);
            }
            5..=7 => {
                // Remove, often an existing entry.
                let (k, l) = if !m.entries.is_empty() && rng.below(3) > 0 {
                    let e = m.entries[rng.below(m.entries.len() as u64) as usize];
                    (e.0, e.1)
                } else {
                    (k, l)
                };
                let want = m.find(k, l).map(|i| m.entries.swap_remove(i).2);
                assert_eq!(t.remove(k, l), want);
            }
            8 => {
                assert_eq!(t.get(k, l).copied(), m.find(k, l).map(|i| m.entries[i].2));
                if let Some(v) = t.get_mut(k, l) {
                    *v = v.wrapping_add(1);
                    let i = m.find(k, l).unwrap();
                    m.entries[i].2 = m.entries[i].2.wrapping_add(1);
                }
            }
            9 => {
                let r = rng.next();
                let keep = |k: K, l: u8, v: u32| (v as u64 ^ r ^ u64::from(l)) % 3 != 0 || k == K::default();
                let mut calls = Vec::new();
                t.retain(|k, l, v| {
                    calls.push((k, l, *v));
                    let kept = keep(k, l, *v);
                    if kept {
                        *v ^= 1;
                    }
                    kept
                });
                assert_eq!(calls, m.sorted(cmp_pre));
                m.entries.retain(|e| keep(e.0, e.1, e.2));
                m.entries.iter_mut().for_each(|e| e.2 ^= 1);
            }
            // Drain to empty now and then.
            10 if rng.below(10) == 0 => {
                while let Some(e) = m.entries.pop() {
                    assert_eq!(t.remove(e.0, e.1), Some(e.2));
                }
                assert!(t.is_empty());
            }
            _ => {}
        }
        // Lookups at random and at stored prefixes.
        for _ in 0..3 {
            let addr = if !m.entries.is_empty() && rng.below(2) == 0 {
                let e = m.entries[rng.below(m.entries.len() as u64) as usize];
                mix(e.0, random_key(&mut rng, &bases, &from_bits), random_key(&mut rng, &bases, &from_bits).mask(e.1))
            } else {
                random_key(&mut rng, &bases, &from_bits)
            };
            let want = m.matches(addr);
            let got: Vec<_> = t.matches(addr).map(|(k, l, v)| (k, l, *v)).collect();
            assert_eq!(got, want, "matches {addr:?}");
            assert_eq!(t.longest_match(addr).map(|(k, l, v)| (k, l, *v)), want.first().copied());
        }
        if step % 50 == 0 {
            compare(&t, &m);
        }
    }
    compare(&t, &m);
    // Removal down to empty.
    let mut rest = m.entries.clone();
    while let Some(e) = rest.pop() {
        assert_eq!(t.remove(e.0, e.1), Some(e.2));
        m.entries.retain(|x| (x.0, x.1) != (e.0, e.1));
        if rest.len() % 16 == 0 {
            compare(&t, &m);
        }
    }
    assert!(t.is_empty());
    assert!(t.longest_match(K::default()).is_none());
    compare(&t, &m);
}

#[test]
fn differential_u32() {
    for seed in 0..24 {
        differential::<u32>(seed, 1500, |b| b as u32);
    }
}

#[test]
fn differential_u128() {
    for seed in 100..116 {
        differential::<u128>(seed, 1500, |b| b);
    }
}

#[test]
fn differential_u32_dense() {
    // Few distinct keys: heavy nesting and duplicates.
    for seed in 200..208 {
        differential::<u32>(seed, 3000, |b| (b as u32) & 0xff00_0f0f);
    }
}
