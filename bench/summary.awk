# tools/bench.sh's tables, in Markdown, from two files:
#   results:   round provider impl metric value   (value: number, unsupported
#              or failed)
#   callgrind: provider impl instructions-per-full-handshake
# For each metric and provider: the medians of unitls and raw over the
# rounds, and the median of the per-round ratios unitls/raw (each ratio
# from two runs made side by side), with their range; for memory also the
# median difference. Where the results hold a "control" impl (raw run a
# second time in the same round), the same statistics of control/raw: what
# noise alone does to a ratio. Targets: rates >= 0.98 x raw, memory <= raw
# + 1 KiB, callgrind instructions <= 1.02 x raw.

function numeric(v) { return v ~ /^-?[0-9]+(\.[0-9]+)?$/ }

# Median of the n values in a[1..n] (sorted in place).
function median(a, n,    i, j, t) {
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
            t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
        }
    if (n == 0) return ""
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}

function memory(m) { return m ~ /^idle_/ }

FNR == NR {
    r = $1; p = $2; i = $3; m = $4
    if (!((p, m) in seen)) {
        seen[p, m] = 1
        order[++count] = p SUBSEP m
    }
    if (!(p in pseen)) { pseen[p] = 1; providers[++np] = p }
    val[p, m, i, r] = $5
    if (r > rounds) rounds = r
    next
}
{ cg[$1, $2] = $3; ncg++ }

function fmt(v, m) {
    if (v == "") return "-"
    return memory(m) ? sprintf("%.0f", v) : sprintf("%.1f", v)
}

# The control's ratio for (p, m), "median; lo..hi", or "-".
function control(p, m,    r, n, cs, a, b, clo, chi) {
    n = 0; split("", cs); clo = chi = ""
    for (r = 1; r <= rounds; r++) {
        a = val[p, m, "control", r]; b = val[p, m, "raw", r]
        if (!numeric(a) || !numeric(b) || b == 0) continue
        cs[++n] = a / b
        if (clo == "" || a / b < clo) clo = a / b
        if (chi == "" || a / b > chi) chi = a / b
    }
    return n ? sprintf("%.3f; %.3f..%.3f", median(cs, n), clo, chi) : "-"
}

# Fills the medians and ratio fields for (p, m): u, w (raw), ratio, lo, hi,
# diff; returns the word for a metric that has no numbers.
function stats(p, m,    r, nu, nw, nr, nd, us, ws, rs, ds, a, b) {
    nu = nw = nr = nd = 0
    split("", us); split("", ws); split("", rs); split("", ds)
    lo = hi = ""
    for (r = 1; r <= rounds; r++) {
        a = val[p, m, "unitls", r]; b = val[p, m, "raw", r]
        if (numeric(a)) us[++nu] = a
        if (numeric(b)) ws[++nw] = b
        if (numeric(a) && numeric(b) && b != 0) {
            rs[++nr] = a / b
            ds[++nd] = a - b
            if (lo == "" || a / b < lo) lo = a / b
            if (hi == "" || a / b > hi) hi = a / b
        }
    }
    u = median(us, nu); w = median(ws, nw)
    ratio = median(rs, nr); diff = median(ds, nd)
    if (nu == 0) return val[p, m, "unitls", 1] == "" ? "missing" : val[p, m, "unitls", 1]
    return ""
}

function verdict(m) {
    if (ratio == "") return "-"
    if (memory(m)) return diff <= 1024 ? "yes" : "**no**"
    return ratio >= 0.98 ? "yes" : "**no**"
}

END {
    print "| provider | metric | unitls | raw | unitls/raw (median; range) | unitls - raw | target | met | control: raw/raw (median; range) |"
    print "|---|---|---:|---:|---:|---:|---|---|---:|"
    for (k = 1; k <= count; k++) {
        split(order[k], pm, SUBSEP); p = pm[1]; m = pm[2]
        word = stats(p, m)
        target = memory(m) ? "<= raw + 1024 B" : ">= 0.98"
        if (word != "") {
            rawv = val[p, m, "raw", 1]
            printf "| %s | %s | %s | %s | - | - | %s | - | - |\n", p, m, word,
                   numeric(w) ? fmt(w, m) : rawv, target
            continue
        }
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p, m,
               fmt(u, m), numeric(w) ? fmt(w, m) : val[p, m, "raw", 1],
               ratio == "" ? "-" : sprintf("%.3f; %.3f..%.3f", ratio, lo, hi),
               memory(m) && diff != "" ? sprintf("%+.0f B", diff) : "-",
               target, verdict(m), control(p, m)
    }
    if (ncg == 0) exit
    print ""
    print "Callgrind, instructions per full handshake (ECDSA; client and server, both threads):"
    print ""
    print "| provider | unitls | raw | unitls/raw | target | met |"
    print "|---|---:|---:|---:|---|---|"
    for (k = 1; k <= np; k++) {
        p = providers[k]
        a = cg[p, "unitls"]; b = cg[p, "raw"]
        if (numeric(a) && numeric(b) && b > 0)
            printf "| %s | %d | %d | %.4f | <= 1.02 | %s |\n", p, a, b, a / b,
                   a / b <= 1.02 ? "yes" : "**no**"
        else
            printf "| %s | %s | %s | - | <= 1.02 | - |\n", p, a, b
    }
}
