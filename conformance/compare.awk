# compare.awk: the work of compare.sh (see there). Input: one results file
# per provider. Variable: allowlist (a file name; may be /dev/null).

function provider_of(path,    p) {
    p = path
    sub(/.*\//, "", p)
    sub(/^results-/, "", p)
    sub(/\.txt$/, "", p)
    return p
}

function malformed(msg) {
    printf "compare: %s:%d: %s\n", FILENAME, FNR, msg
    nbad++
}

# Cells are cut to keep the matrix readable.
function cell(s) {
    return length(s) > 60 ? substr(s, 1, 57) "..." : s
}

# The allowlist, read before any results file.
BEGIN {
    while ((getline entry < allowlist) > 0) {
        nal++
        if (entry ~ /^[ \t]*(#|$)/)
            continue
        if (split(entry, f, /[ \t]+/) < 4 || f[1] == "") {
            printf "compare: %s:%d: allowlist entry needs <case-id> <provider> <key|*> <reason>\n",
                   allowlist, nal
            nbad++
            continue
        }
        if (f[3] == "*") {
            allowed[f[1], f[2]] = 1
            allowline[f[1], f[2]] = nal
        } else {
            allowed_key[f[1], f[2], f[3]] = 1
            allowkeyline[f[1], f[2], f[3]] = nal
        }
    }
    close(allowlist)
}

# Providers in argument order, known before reading (a file may be empty).
BEGIN {
    for (i = 1; i < ARGC; i++) {
        prov[++np] = provider_of(ARGV[i])
        if (prov[np] in provseen) {
            printf "compare: provider %s given twice\n", prov[np]
            nbad++
        }
        provseen[prov[np]] = np
        index_of[ARGV[i]] = np
    }
}

FNR == 1 {
    cur = index_of[FILENAME]
}

{
    if ($0 !~ /^[^ |]+ \| [^ ]/) {
        malformed("not \"<case-id> | key=value ...\"")
        next
    }
    id = $1
    if ((cur, id) in line) {
        malformed("case " id " appears twice")
        next
    }
    rest = substr($0, length(id) + 4)
    line[cur, id] = rest
    count[cur]++
    if (!(id in idseen)) {
        idseen[id] = 1
        ids[++nid] = id
    }
    n = split(rest, tok, " ")
    for (i = 1; i <= n; i++) {
        eq = index(tok[i], "=")
        if (eq <= 1) {
            malformed("\"" tok[i] "\" is not key=value")
            continue
        }
        k = substr(tok[i], 1, eq - 1)
        if ((cur, id, k) in val)
            malformed("key " k " twice in case " id)
        val[cur, id, k] = substr(tok[i], eq + 1)
        if (!((id, k) in keyseen)) {
            keyseen[id, k] = 1
            keys[id, ++nkeys[id]] = k
        }
    }
}

function sort_ids(    i, j, t) {
    for (i = 2; i <= nid; i++) {
        t = ids[i]
        for (j = i - 1; j >= 1 && ids[j] > t; j--)
            ids[j + 1] = ids[j]
        ids[j + 1] = t
    }
}

function add_row(id, key, p,    q) {
    nrows++
    row[nrows, 0] = id
    row[nrows, 1] = key
    for (q = 1; q <= np; q++)
        row[nrows, q + 1] = cellval(q, id, key)
}

function cellval(q, id, key,    v) {
    if (!((q, id) in line))
        v = "MISSING"
    else if (key == "(line)")
        v = "present"
    else if ((q, id, key) in val)
        v = val[q, id, key]
    else
        v = "(absent)"
    return cell(v) (allowed[id, prov[q]] || allowed_key[id, prov[q], key] ? " [allowed]" : "")
}

# A key's value, without creating it when absent (awk creates array
# elements on reference).
function value(q, id, k) {
    return ((q, id, k) in val) ? val[q, id, k] : "\001absent"
}

# The first provider that takes part in the comparison of `id`, or 0.
function reference(id,    q) {
    for (q = 1; q <= np; q++)
        if (!allowed[id, prov[q]] && (q, id) in line)
            return q
    return 0
}

# Compares case `id`; adds matrix rows; returns 1 if it differs.
function compare_case(id,    ref, q, k, i, differs, missing) {
    ref = reference(id)
    for (q = 1; q <= np; q++)
        if (!allowed[id, prov[q]] && !((q, id) in line))
            missing = 1
    if (missing)
        add_row(id, "(line)")
    for (i = 1; ref && i <= nkeys[id]; i++) {
        k = keys[id, i]
        for (q = 1; q <= np; q++) {
            if (allowed[id, prov[q]] || !((q, id) in line))
                continue
            if (allowed_key[id, prov[q], k] || allowed_key[id, prov[ref], k])
                continue
            if (value(q, id, k) != value(ref, id, k)) {
                add_row(id, k)
                differs = 1
                break
            }
        }
    }
    return missing || differs
}

# Warns about allowlist entries for `id` that the comparison no longer needs.
function check_stale(id,    ref, q, i, k, other) {
    ref = reference(id)
    for (q = 1; q <= np; q++)
        for (i = 1; i <= nkeys[id]; i++) {
            k = keys[id, i]
            if (!allowed_key[id, prov[q], k])
                continue
            nused++
            other = (q == 1) ? 2 : 1
            if (value(q, id, k) == value(other, id, k))
                printf "compare: warning: allowlist line %d (%s %s %s) is no longer needed\n",
                       allowkeyline[id, prov[q], k], id, prov[q], k
        }
    for (q = 1; q <= np; q++) {
        if (!allowed[id, prov[q]])
            continue
        nused++
        if (ref && (q, id) in line && line[q, id] == line[ref, id])
            printf "compare: warning: allowlist line %d (%s %s) is no longer needed\n",
                   allowline[id, prov[q]], id, prov[q]
    }
}

function pad(s, n) {
    while (length(s) < n)
        s = s " "
    return s
}

function print_matrix(    r, c, w, ncol, out) {
    ncol = np + 2
    row[0, 0] = "case"
    row[0, 1] = "key"
    for (c = 1; c <= np; c++)
        row[0, c + 1] = prov[c]
    for (r = 0; r <= nrows; r++)
        for (c = 0; c < ncol; c++)
            if (length(row[r, c]) > w[c])
                w[c] = length(row[r, c])
    for (r = 0; r <= nrows; r++) {
        out = pad(r > 1 && row[r, 0] == row[r - 1, 0] ? "" : row[r, 0], w[0])
        for (c = 1; c < ncol; c++)
            out = out "  " pad(row[r, c], w[c])
        sub(/ +$/, "", out)
        print out
    }
}

END {
    for (q = 1; q <= np; q++)
        if (count[q] == 0) {
            printf "compare: results for %s are empty\n", prov[q]
            nbad++
        }
    if (nbad) {
        printf "compare: %d problem(s) in the input\n", nbad
        exit 1
    }
    if (np == 1) {
        printf "compare: %s: %d cases, well-formed (one provider, nothing to compare)\n",
               prov[1], count[1]
        exit 0
    }
    sort_ids()
    for (i = 1; i <= nid; i++) {
        ndiff += compare_case(ids[i])
        check_stale(ids[i])
    }
    if (ndiff)
        print_matrix()
    printf "compare: %d providers (", np
    for (q = 1; q <= np; q++)
        printf "%s%s", prov[q], q < np ? " " : ""
    printf "), %d cases: %d agree, %d differ; %d allowlist entries in use\n",
           nid, nid - ndiff, ndiff, nused
    exit ndiff ? 1 : 0
}
