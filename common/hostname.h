/* RFC 6125 host name matching: the only matcher in the library, used by the
 * handshake (ut_verify_finish) and by unitls_cert_check_host().
 *
 * Reference names (what the application asked for):
 *  - An IPv4 literal: exactly four decimal parts 0-255, no leading zeros
 *    ("1.2.3.4"; "01.2.3.4", "1.2.3", "0x7f.0.0.1" are not addresses).
 *  - An IPv6 literal in an RFC 4291 text form: eight groups of 1-4 hex
 *    digits, "::" once for one or more zero groups, an embedded dotted quad
 *    in the last 32 bits ("::ffff:1.2.3.4"). No brackets, zone ids ("%eth0")
 *    or prefix lengths.
 *  - Otherwise a DNS name: labels of 1-63 ASCII letters, digits and hyphens
 *    (no hyphen at either end of a label), separated by single dots, at most
 *    253 characters, with at most one trailing dot. The last label must not
 *    look numeric (all digits, or "0x" and hex digits): such a name is a
 *    malformed address, never a host name.
 *  Anything else is invalid: empty, non-ASCII (a U-label: pass the A-label,
 *  "xn--..."), spaces, '_', '*', empty labels, a leading dot, ...
 *
 * Presented identifiers (what the certificate says):
 *  - A DNS reference is compared with every dNSName subjectAltName, ASCII
 *    case-insensitively, ignoring one trailing dot on either side.
 *  - A presented name must itself be a valid DNS name by the rules above,
 *    except that its left-most label may be exactly "*". Names with NUL
 *    bytes, empty labels, a leading dot or other characters never match.
 *  - The wildcard "*" matches exactly one whole, non-empty left-most label.
 *    It is never partial ("f*.example.com", "*oo.example.com" match
 *    nothing), never alone ("*"), and the part after it must have at least
 *    two labels ("*.com" matches nothing). No public-suffix list is used, so
 *    "*.co.uk" is accepted as a wildcard; the two-label rule is the only
 *    guard. A wildcard never matches a reference whose left-most label is an
 *    A-label ("xn--...", RFC 6125 section 6.4.3).
 *  - An IP reference matches only iPAddress subjectAltNames of the same
 *    length, byte for byte: an IPv4 reference never matches a 16-byte
 *    address, not even its IPv4-mapped form, and never a dNSName or the CN.
 *  - The subject's (last) commonName is used only when cn_fallback is set
 *    and the certificate has no subjectAltName extension at all; it is
 *    matched like a dNSName, and only against DNS references.
 */
#ifndef UT_HOSTNAME_H
#define UT_HOSTNAME_H

#include <unitls/cert.h>
#include <unitls/verify.h>

enum ut_ref_kind { UT_REF_INVALID, UT_REF_DNS, UT_REF_IPV4, UT_REF_IPV6 };

/* Classifies a reference name by the rules above. For UT_REF_IPV4 addr[0..4)
 * and for UT_REF_IPV6 addr[0..16) receive the address in network order;
 * addr may be NULL when only the kind is wanted. A NULL name is invalid. */
enum ut_ref_kind ut_ref_classify(const char *name, unsigned char addr[16]);

/* Matches `cert` against the reference name `name`. Returns UNITLS_OK on a
 * match; UNITLS_E_VERIFY on a mismatch, setting *err (if err is not NULL) to
 * UNITLS_VERR_HOSTNAME_MISMATCH for a DNS name or UNITLS_VERR_IP_MISMATCH for
 * an address; UNITLS_E_INVALID_ARG for a NULL cert or an invalid name.
 * cn_fallback: allow the subject commonName when there is no SAN extension. */
int ut_host_check(const unitls_cert *cert, const char *name, int cn_fallback,
                  unitls_verify_error *err);

#endif
