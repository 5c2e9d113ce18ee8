/* Text safety; see text.h. Member text is checked when it is typed and
 * sanitised again every time it is drawn, so nothing a member stored can
 * reach another member's terminal as an escape sequence, a control
 * character, a direction override or an invisible character. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lib/text.h"

#define nitems(a)	(sizeof (a) / sizeof (a)[0])
#define CP_REPLACEMENT	0xFFFDu
#define CP_MAX		0x10FFFFu

/* Reasons for refusing input: whole English phrases after the field name
 * ("Name is too long"); the caller adds any limit. */
static const char R_UTF8[] = "is not valid UTF-8";
static const char R_CONTROL[] = "contains control characters";
static const char R_INVISIBLE[] =
    "contains invisible or direction-changing characters";
static const char R_UNSHOWABLE[] = "contains characters that cannot be shown";
static const char R_LONG[] = "is too long";

struct range {
	uint32_t first, last;
};

/* Characters that draw nothing but change how other text looks or reads:
 * every format (Cf) character as of Unicode 14 (soft hyphen, Arabic
 * prepended marks, bidi marks, embeddings, overrides and isolates,
 * zero-width space/joiners, word joiner, invisible operators, BOM,
 * interlinear annotation, tags), the line and paragraph separators, and the
 * Hangul filler letters that are used to fake blank names. */
static const struct range invisible_table[] = {
	{ 0x00AD, 0x00AD }, { 0x0600, 0x0605 }, { 0x061C, 0x061C },
	{ 0x06DD, 0x06DD }, { 0x070F, 0x070F }, { 0x0890, 0x0891 },
	{ 0x08E2, 0x08E2 }, { 0x115F, 0x115F }, { 0x180E, 0x180E },
	{ 0x200B, 0x200F }, { 0x2028, 0x202E }, { 0x2060, 0x206F },
	{ 0x3164, 0x3164 }, { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 },
	{ 0xFFF9, 0xFFFB }, { 0x110BD, 0x110BD }, { 0x110CD, 0x110CD },
	{ 0x13430, 0x1343F }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A },
	{ 0xE0000, 0xE007F },
};

/* The two width tables come from the Unicode 14.0 character database (the
 * version glibc and most terminals of Debian 12 use), via Python's
 * unicodedata: wide_table is East Asian Width W or F, zero_table is general
 * category Mn or Me plus the Hangul medial and final jamo (U+1160-U+11FF,
 * U+D7B0-U+D7FF). Neighbouring ranges are merged across unassigned code
 * points to keep the tables short; the CJK blocks and planes 2 and 3 are
 * wide in full because new ideographs will be assigned there, and
 * U+3041-U+A4C6 is one range (including U+3248-U+324F and the Yijing
 * hexagrams U+4DC0-U+4DFF) because glibc's wcwidth draws it all wide. */
static const struct range wide_table[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0xA4C6 },
	{ 0xA960, 0xA97C }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
	{ 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6B }, { 0xFF01, 0xFF60 },
	{ 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x1B2FB }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F320 }, { 0x1F32D, 0x1F335 }, { 0x1F337, 0x1F37C },
	{ 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA }, { 0x1F3CF, 0x1F3D3 },
	{ 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 }, { 0x1F3F8, 0x1F43E },
	{ 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC }, { 0x1F4FF, 0x1F53D },
	{ 0x1F54B, 0x1F54E }, { 0x1F550, 0x1F567 }, { 0x1F57A, 0x1F57A },
	{ 0x1F595, 0x1F596 }, { 0x1F5A4, 0x1F5A4 }, { 0x1F5FB, 0x1F64F },
	{ 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC }, { 0x1F6D0, 0x1F6D2 },
	{ 0x1F6D5, 0x1F6DF }, { 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC },
	{ 0x1F7E0, 0x1F7F0 }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 },
	{ 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FAF6 }, { 0x20000, 0x3FFFD },
};

static const struct range zero_table[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x064B, 0x065F },
	{ 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0711, 0x0711 },
	{ 0x0730, 0x074A }, { 0x07A6, 0x07B0 }, { 0x07EB, 0x07F3 },
	{ 0x07FD, 0x07FD }, { 0x0816, 0x0819 }, { 0x081B, 0x0823 },
	{ 0x0825, 0x0827 }, { 0x0829, 0x082D }, { 0x0859, 0x085B },
	{ 0x0898, 0x089F }, { 0x08CA, 0x08E1 }, { 0x08E3, 0x0902 },
	{ 0x093A, 0x093A }, { 0x093C, 0x093C }, { 0x0941, 0x0948 },
	{ 0x094D, 0x094D }, { 0x0951, 0x0957 }, { 0x0962, 0x0963 },
	{ 0x0981, 0x0981 }, { 0x09BC, 0x09BC }, { 0x09C1, 0x09C4 },
	{ 0x09CD, 0x09CD }, { 0x09E2, 0x09E3 }, { 0x09FE, 0x0A02 },
	{ 0x0A3C, 0x0A3C }, { 0x0A41, 0x0A51 }, { 0x0A70, 0x0A71 },
	{ 0x0A75, 0x0A75 }, { 0x0A81, 0x0A82 }, { 0x0ABC, 0x0ABC },
	{ 0x0AC1, 0x0AC8 }, { 0x0ACD, 0x0ACD }, { 0x0AE2, 0x0AE3 },
	{ 0x0AFA, 0x0B01 }, { 0x0B3C, 0x0B3C }, { 0x0B3F, 0x0B3F },
	{ 0x0B41, 0x0B44 }, { 0x0B4D, 0x0B56 }, { 0x0B62, 0x0B63 },
	{ 0x0B82, 0x0B82 }, { 0x0BC0, 0x0BC0 }, { 0x0BCD, 0x0BCD },
	{ 0x0C00, 0x0C00 }, { 0x0C04, 0x0C04 }, { 0x0C3C, 0x0C3C },
	{ 0x0C3E, 0x0C40 }, { 0x0C46, 0x0C56 }, { 0x0C62, 0x0C63 },
	{ 0x0C81, 0x0C81 }, { 0x0CBC, 0x0CBC }, { 0x0CBF, 0x0CBF },
	{ 0x0CC6, 0x0CC6 }, { 0x0CCC, 0x0CCD }, { 0x0CE2, 0x0CE3 },
	{ 0x0D00, 0x0D01 }, { 0x0D3B, 0x0D3C }, { 0x0D41, 0x0D44 },
	{ 0x0D4D, 0x0D4D }, { 0x0D62, 0x0D63 }, { 0x0D81, 0x0D81 },
	{ 0x0DCA, 0x0DCA }, { 0x0DD2, 0x0DD6 }, { 0x0E31, 0x0E31 },
	{ 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x0EB1, 0x0EB1 },
	{ 0x0EB4, 0x0EBC }, { 0x0EC8, 0x0ECD }, { 0x0F18, 0x0F19 },
	{ 0x0F35, 0x0F35 }, { 0x0F37, 0x0F37 }, { 0x0F39, 0x0F39 },
	{ 0x0F71, 0x0F7E }, { 0x0F80, 0x0F84 }, { 0x0F86, 0x0F87 },
	{ 0x0F8D, 0x0FBC }, { 0x0FC6, 0x0FC6 }, { 0x102D, 0x1030 },
	{ 0x1032, 0x1037 }, { 0x1039, 0x103A }, { 0x103D, 0x103E },
	{ 0x1058, 0x1059 }, { 0x105E, 0x1060 }, { 0x1071, 0x1074 },
	{ 0x1082, 0x1082 }, { 0x1085, 0x1086 }, { 0x108D, 0x108D },
	{ 0x109D, 0x109D }, { 0x1160, 0x11FF }, { 0x135D, 0x135F },
	{ 0x1712, 0x1714 }, { 0x1732, 0x1733 }, { 0x1752, 0x1753 },
	{ 0x1772, 0x1773 }, { 0x17B4, 0x17B5 }, { 0x17B7, 0x17BD },
	{ 0x17C6, 0x17C6 }, { 0x17C9, 0x17D3 }, { 0x17DD, 0x17DD },
	{ 0x180B, 0x180D }, { 0x180F, 0x180F }, { 0x1885, 0x1886 },
	{ 0x18A9, 0x18A9 }, { 0x1920, 0x1922 }, { 0x1927, 0x1928 },
	{ 0x1932, 0x1932 }, { 0x1939, 0x193B }, { 0x1A17, 0x1A18 },
	{ 0x1A1B, 0x1A1B }, { 0x1A56, 0x1A56 }, { 0x1A58, 0x1A60 },
	{ 0x1A62, 0x1A62 }, { 0x1A65, 0x1A6C }, { 0x1A73, 0x1A7F },
	{ 0x1AB0, 0x1B03 }, { 0x1B34, 0x1B34 }, { 0x1B36, 0x1B3A },
	{ 0x1B3C, 0x1B3C }, { 0x1B42, 0x1B42 }, { 0x1B6B, 0x1B73 },
	{ 0x1B80, 0x1B81 }, { 0x1BA2, 0x1BA5 }, { 0x1BA8, 0x1BA9 },
	{ 0x1BAB, 0x1BAD }, { 0x1BE6, 0x1BE6 }, { 0x1BE8, 0x1BE9 },
	{ 0x1BED, 0x1BED }, { 0x1BEF, 0x1BF1 }, { 0x1C2C, 0x1C33 },
	{ 0x1C36, 0x1C37 }, { 0x1CD0, 0x1CD2 }, { 0x1CD4, 0x1CE0 },
	{ 0x1CE2, 0x1CE8 }, { 0x1CED, 0x1CED }, { 0x1CF4, 0x1CF4 },
	{ 0x1CF8, 0x1CF9 }, { 0x1DC0, 0x1DFF }, { 0x20D0, 0x20F0 },
	{ 0x2CEF, 0x2CF1 }, { 0x2D7F, 0x2D7F }, { 0x2DE0, 0x2DFF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xA66F, 0xA672 },
	{ 0xA674, 0xA67D }, { 0xA69E, 0xA69F }, { 0xA6F0, 0xA6F1 },
	{ 0xA802, 0xA802 }, { 0xA806, 0xA806 }, { 0xA80B, 0xA80B },
	{ 0xA825, 0xA826 }, { 0xA82C, 0xA82C }, { 0xA8C4, 0xA8C5 },
	{ 0xA8E0, 0xA8F1 }, { 0xA8FF, 0xA8FF }, { 0xA926, 0xA92D },
	{ 0xA947, 0xA951 }, { 0xA980, 0xA982 }, { 0xA9B3, 0xA9B3 },
	{ 0xA9B6, 0xA9B9 }, { 0xA9BC, 0xA9BD }, { 0xA9E5, 0xA9E5 },
	{ 0xAA29, 0xAA2E }, { 0xAA31, 0xAA32 }, { 0xAA35, 0xAA36 },
	{ 0xAA43, 0xAA43 }, { 0xAA4C, 0xAA4C }, { 0xAA7C, 0xAA7C },
	{ 0xAAB0, 0xAAB0 }, { 0xAAB2, 0xAAB4 }, { 0xAAB7, 0xAAB8 },
	{ 0xAABE, 0xAABF }, { 0xAAC1, 0xAAC1 }, { 0xAAEC, 0xAAED },
	{ 0xAAF6, 0xAAF6 }, { 0xABE5, 0xABE5 }, { 0xABE8, 0xABE8 },
	{ 0xABED, 0xABED }, { 0xD7B0, 0xD7FB }, { 0xFB1E, 0xFB1E },
	{ 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0x101FD, 0x101FD },
	{ 0x102E0, 0x102E0 }, { 0x10376, 0x1037A }, { 0x10A01, 0x10A0F },
	{ 0x10A38, 0x10A3F }, { 0x10AE5, 0x10AE6 }, { 0x10D24, 0x10D27 },
	{ 0x10EAB, 0x10EAC }, { 0x10F46, 0x10F50 }, { 0x10F82, 0x10F85 },
	{ 0x11001, 0x11001 }, { 0x11038, 0x11046 }, { 0x11070, 0x11070 },
	{ 0x11073, 0x11074 }, { 0x1107F, 0x11081 }, { 0x110B3, 0x110B6 },
	{ 0x110B9, 0x110BA }, { 0x110C2, 0x110C2 }, { 0x11100, 0x11102 },
	{ 0x11127, 0x1112B }, { 0x1112D, 0x11134 }, { 0x11173, 0x11173 },
	{ 0x11180, 0x11181 }, { 0x111B6, 0x111BE }, { 0x111C9, 0x111CC },
	{ 0x111CF, 0x111CF }, { 0x1122F, 0x11231 }, { 0x11234, 0x11234 },
	{ 0x11236, 0x11237 }, { 0x1123E, 0x1123E }, { 0x112DF, 0x112DF },
	{ 0x112E3, 0x112EA }, { 0x11300, 0x11301 }, { 0x1133B, 0x1133C },
	{ 0x11340, 0x11340 }, { 0x11366, 0x11374 }, { 0x11438, 0x1143F },
	{ 0x11442, 0x11444 }, { 0x11446, 0x11446 }, { 0x1145E, 0x1145E },
	{ 0x114B3, 0x114B8 }, { 0x114BA, 0x114BA }, { 0x114BF, 0x114C0 },
	{ 0x114C2, 0x114C3 }, { 0x115B2, 0x115B5 }, { 0x115BC, 0x115BD },
	{ 0x115BF, 0x115C0 }, { 0x115DC, 0x115DD }, { 0x11633, 0x1163A },
	{ 0x1163D, 0x1163D }, { 0x1163F, 0x11640 }, { 0x116AB, 0x116AB },
	{ 0x116AD, 0x116AD }, { 0x116B0, 0x116B5 }, { 0x116B7, 0x116B7 },
	{ 0x1171D, 0x1171F }, { 0x11722, 0x11725 }, { 0x11727, 0x1172B },
	{ 0x1182F, 0x11837 }, { 0x11839, 0x1183A }, { 0x1193B, 0x1193C },
	{ 0x1193E, 0x1193E }, { 0x11943, 0x11943 }, { 0x119D4, 0x119DB },
	{ 0x119E0, 0x119E0 }, { 0x11A01, 0x11A0A }, { 0x11A33, 0x11A38 },
	{ 0x11A3B, 0x11A3E }, { 0x11A47, 0x11A47 }, { 0x11A51, 0x11A56 },
	{ 0x11A59, 0x11A5B }, { 0x11A8A, 0x11A96 }, { 0x11A98, 0x11A99 },
	{ 0x11C30, 0x11C3D }, { 0x11C3F, 0x11C3F }, { 0x11C92, 0x11CA7 },
	{ 0x11CAA, 0x11CB0 }, { 0x11CB2, 0x11CB3 }, { 0x11CB5, 0x11CB6 },
	{ 0x11D31, 0x11D45 }, { 0x11D47, 0x11D47 }, { 0x11D90, 0x11D91 },
	{ 0x11D95, 0x11D95 }, { 0x11D97, 0x11D97 }, { 0x11EF3, 0x11EF4 },
	{ 0x16AF0, 0x16AF4 }, { 0x16B30, 0x16B36 }, { 0x16F4F, 0x16F4F },
	{ 0x16F8F, 0x16F92 }, { 0x16FE4, 0x16FE4 }, { 0x1BC9D, 0x1BC9E },
	{ 0x1CF00, 0x1CF46 }, { 0x1D167, 0x1D169 }, { 0x1D17B, 0x1D182 },
	{ 0x1D185, 0x1D18B }, { 0x1D1AA, 0x1D1AD }, { 0x1D242, 0x1D244 },
	{ 0x1DA00, 0x1DA36 }, { 0x1DA3B, 0x1DA6C }, { 0x1DA75, 0x1DA75 },
	{ 0x1DA84, 0x1DA84 }, { 0x1DA9B, 0x1DAAF }, { 0x1E000, 0x1E02A },
	{ 0x1E130, 0x1E136 }, { 0x1E2AE, 0x1E2AE }, { 0x1E2EC, 0x1E2EF },
	{ 0x1E8D0, 0x1E8D6 }, { 0x1E944, 0x1E94A }, { 0xE0100, 0xE01EF },
};

static bool
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	if (n == 0 || cp < t[0].first || cp > t[n - 1].last)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < t[mid].first)
			hi = mid;
		else if (cp > t[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int n;

	if (len == 0)
		return -1;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* 0x80-0xBF are continuation bytes, 0xC0-0xC1 can only start an
	 * overlong form and 0xF5-0xFF would exceed U+10FFFF. */
	if (c < 0xC2 || c > 0xF4)
		return -1;
	if (c < 0xE0) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	}
	if (len < (size_t)n)
		return -1;
	for (int i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > CP_MAX || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

int
text_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (cp > CP_MAX || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
text_utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		if ((n = text_utf8_decode(s + i, len - i, &cp)) < 0 || cp == 0)
			return false;
		i += (size_t)n;
	}
	return true;
}

/* C0, DEL and C1: everything a terminal may act on rather than draw. */
static bool
cp_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* U+FDD0-U+FDEF and the last two code points of every plane are reserved
 * for internal use and never meant for interchange. */
static bool
cp_is_noncharacter(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

bool
text_cp_is_invisible(uint32_t cp)
{
	return in_table(cp, invisible_table, nitems(invisible_table));
}

bool
text_cp_is_unsafe(uint32_t cp)
{
	if (cp > CP_MAX || (cp >= 0xD800 && cp <= 0xDFFF))
		return true;
	return cp_is_control(cp) || cp_is_noncharacter(cp) ||
	    text_cp_is_invisible(cp);
}

int
text_cp_width(uint32_t cp)
{
	if (text_cp_is_unsafe(cp))
		return -1;
	/* Printable ASCII and Latin-1 are all one column. */
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_table, nitems(zero_table)))
		return 0;
	if (in_table(cp, wide_table, nitems(wide_table)))
		return 2;
	return 1;
}

/* One step of the display sanitiser: the code point to draw for the bytes at
 * s (U+FFFD for an invalid byte or an unsafe character, a space for a line
 * break or tab unless allowed) and the number of bytes it stands for. */
static size_t
next_display(const char *s, size_t len, bool allow_newlines, uint32_t *cp)
{
	int n;

	if ((n = text_utf8_decode(s, len, cp)) < 0) {
		*cp = CP_REPLACEMENT;
		return 1;
	}
	if (*cp == '\n' || *cp == '\t') {
		if (!allow_newlines)
			*cp = ' ';
	} else if (text_cp_is_unsafe(*cp))
		*cp = CP_REPLACEMENT;
	return (size_t)n;
}

size_t
text_width(const char *s)
{
	size_t len, i = 0, cols = 0;
	uint32_t cp;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (i < len) {
		i += next_display(s + i, len - i, false, &cp);
		cols += (size_t)text_cp_width(cp);
	}
	return cols;
}

size_t
text_chars(const char *s)
{
	size_t len, i = 0, chars = 0;
	uint32_t cp;
	int n;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		i += n < 0 ? 1 : (size_t)n;
		chars++;
	}
	return chars;
}

/* Why one code point is refused in typed text, or NULL if it is fine. */
static const char *
cp_reason(uint32_t cp)
{
	if (cp_is_control(cp))
		return R_CONTROL;
	if (text_cp_is_invisible(cp))
		return R_INVISIBLE;
	if (text_cp_is_unsafe(cp))
		return R_UNSHOWABLE;
	return NULL;
}

static const char *
check_text(const char *s, size_t max_chars, bool multiline)
{
	size_t len, i = 0, chars = 0;
	const char *why;
	uint32_t cp;
	int n;

	if (s == NULL)
		return R_UTF8;
	len = strlen(s);
	while (i < len) {
		if ((n = text_utf8_decode(s + i, len - i, &cp)) < 0)
			return R_UTF8;
		if (!(multiline && (cp == '\n' || cp == '\t')) &&
		    (why = cp_reason(cp)) != NULL)
			return why;
		i += (size_t)n;
		chars++;
	}
	if (chars > max_chars)
		return R_LONG;
	return NULL;
}

const char *
text_check_line(const char *s, size_t max_chars)
{
	return check_text(s, max_chars, false);
}

const char *
text_check_multiline(const char *s, size_t max_chars)
{
	return check_text(s, max_chars, true);
}

size_t
text_clean_multiline(char *s)
{
	size_t len, r = 0, w = 0;
	uint32_t cp;
	int n;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (r < len) {
		if (s[r] == '\r') {
			/* CRLF is one break; a lone CR is an old Mac one. */
			s[w++] = '\n';
			r += s[r + 1] == '\n' ? 2 : 1;
			continue;
		}
		if ((n = text_utf8_decode(s + r, len - r, &cp)) < 0) {
			r++;
			continue;
		}
		if (cp == '\n' || cp == '\t' || !text_cp_is_unsafe(cp)) {
			/* w <= r, so this only ever moves bytes left. */
			memmove(s + w, s + r, (size_t)n);
			w += (size_t)n;
		}
		r += (size_t)n;
	}
	s[w] = '\0';
	return w;
}

size_t
text_sanitize(char *dst, size_t dstsz, const char *src, bool allow_newlines)
{
	size_t len, i = 0, used = 0, n;
	char enc[4];
	uint32_t cp;
	int k;

	if (dstsz == 0)
		return 0;
	len = src == NULL ? 0 : strlen(src);
	while (i < len) {
		n = next_display(src + i, len - i, allow_newlines, &cp);
		k = text_utf8_encode(cp, enc);
		if ((size_t)k > dstsz - 1 - used)
			break;
		memcpy(dst + used, enc, (size_t)k);
		used += (size_t)k;
		i += n;
	}
	dst[used] = '\0';
	return used;
}

size_t
text_fit(char *dst, size_t dstsz, const char *s, size_t max_cols,
    size_t *cols_out)
{
	size_t len, i = 0, used = 0, cols = 0, n, w;
	char enc[4];
	uint32_t cp;
	int k;

	if (dstsz == 0) {
		if (cols_out != NULL)
			*cols_out = 0;
		return 0;
	}
	len = s == NULL ? 0 : strlen(s);
	while (i < len) {
		/* Sanitise again, so a caller that forgot still draws nothing
		 * unsafe; for sanitised input this changes nothing but line
		 * breaks, which a row cannot hold. */
		n = next_display(s + i, len - i, false, &cp);
		w = (size_t)text_cp_width(cp);
		k = text_utf8_encode(cp, enc);
		if (w > max_cols - cols || (size_t)k > dstsz - 1 - used)
			break;
		memcpy(dst + used, enc, (size_t)k);
		used += (size_t)k;
		cols += w;
		i += n;
	}
	dst[used] = '\0';
	if (cols_out != NULL)
		*cols_out = cols;
	return used;
}

size_t
text_escape_octal(char *dst, size_t dstsz, const char *src, size_t n, const char *also)
{
	size_t used = 0;

	if (dstsz == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c >= 0x20 && c < 0x7F && strchr(also, c) == NULL) {
			if (dstsz - 1 - used < 1)
				break;
			dst[used++] = (char)c;
			continue;
		}
		/* Never cut an escape in half: a dangling "\1" would read as
		 * part of the text. */
		if (dstsz - 1 - used < 4)
			break;
		dst[used++] = '\\';
		dst[used++] = (char)('0' + (c >> 6));
		dst[used++] = (char)('0' + ((c >> 3) & 7));
		dst[used++] = (char)('0' + (c & 7));
	}
	dst[used] = '\0';
	return used;
}

char *
text_escape_log(char *dst, size_t dstsz, const char *src)
{
	if (src == NULL)
		src = "";
	text_escape_octal(dst, dstsz, src, strlen(src), "\"\\");
	return dst;
}

char *
text_trim(char *s)
{
	size_t start = 0, end;

	if (s == NULL)
		return NULL;
	end = strlen(s);
	while (start < end && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

bool
text_copy(char *dst, size_t dstsz, const char *src)
{
	size_t len, cut;

	if (dstsz == 0)
		return false;
	if (src == NULL)
		src = "";
	len = strlen(src);
	if (len < dstsz) {
		memcpy(dst, src, len + 1);
		return true;
	}
	/* Back off over at most three continuation bytes so the copy does not
	 * end in the middle of a character. */
	cut = dstsz - 1;
	for (int i = 0; i < 3 && cut > 0 &&
	    ((unsigned char)src[cut] & 0xC0) == 0x80; i++)
		cut--;
	memcpy(dst, src, cut);
	dst[cut] = '\0';
	return false;
}

const char *
text_term_name(const char *t)
{
	size_t len;

	if (t == NULL || (len = strlen(t)) == 0 || len >= 64)
		return "vt100";
	for (size_t i = 0; i < len; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
		    (t[i] >= '0' && t[i] <= '9') || strchr("._+-", t[i]) != NULL))
			return "vt100";
	return t;
}

/* Steps back from the end of a cut string to the start of its last whole
 * UTF-8 character, so a truncated line never ends in half a character. */
static size_t
utf8_boundary(const char *s, size_t len)
{
	size_t start = len;

	while (start > 0 && ((unsigned char)s[start - 1] & 0xc0) == 0x80)
		start--;
	if (start == 0)
		return len;
	{
		unsigned char lead = (unsigned char)s[start - 1];
		size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;

		return len - (start - 1) < need ? start - 1 : len;
	}
}

bool
text_appendf(char *buf, size_t sz, size_t *len, const char *fmt, ...)
{
	size_t have;
	va_list ap;
	int n;

	if (sz == 0)
		return false;
	have = len != NULL ? *len : strnlen(buf, sz);
	if (have >= sz)
		have = sz - 1;
	va_start(ap, fmt);
	n = vsnprintf(buf + have, sz - have, fmt, ap);
	va_end(ap);
	if (n < 0) {
		buf[have] = '\0';
		n = 0;
	}
	if ((size_t)n < sz - have) {
		have += (size_t)n;
		if (len != NULL)
			*len = have;
		return true;
	}
	have = utf8_boundary(buf, sz - 1);
	buf[have] = '\0';
	if (len != NULL)
		*len = have;
	return false;
}

static bool
is_cont(char ch)
{
	return ((unsigned char)ch & 0xc0) == 0x80;
}

size_t
text_prev_char(const char *s, size_t i)
{
	while (i > 0 && is_cont(s[--i]))
		;
	return i;
}

size_t
text_next_char(const char *s, size_t len, size_t i)
{
	if (i < len)
		for (i++; i < len && is_cont(s[i]); i++)
			;
	return i;
}

bool
text_append_part(char *buf, size_t sz, const char *sep, const char *part, size_t max_cols)
{
	size_t have = strnlen(buf, sz), cols;

	if (have == 0)
		sep = "";
	cols = text_width(buf) + text_width(sep) + text_width(part);
	if (cols > max_cols || have + strlen(sep) + strlen(part) >= sz)
		return false;
	return text_appendf(buf, sz, &have, "%s%s", sep, part);
}
