/* A community request's two lines; see screen-community-row.h. Every
 * member-typed string goes through ui_draw_text, which sanitises it. */
#include <stdio.h>
#include <string.h>
#include "db/db-community.h"
#include "lib/text.h"
#include "screens/screen-community-row.h"

int
screen_community_request_row(const struct community_request *q, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	char line[1600], count[32];
	size_t len = 0;
	bool create = strcmp(q->kind, "create") == 0;

	line[0] = '\0';
	if (create)
		snprintf(count, sizeof count, "%lld supporter%s%s", (long long)q->supporters,
		    q->supporters == 1 ? "" : "s", q->supported ? " (you)" : "");
	else
		snprintf(count, sizeof count, "-");
	text_appendf(line, sizeof line, &len, "%-9s %-18s ",
	    community_request_status_name(q->status), count);
	if (create)
		text_appendf(line, sizeof line, &len, "New community: %s (%s)", q->name,
		    q->community_kind);
	else
		text_appendf(line, sizeof line, &len, "Moderate: %s", q->name);
	if (q->mine)
		text_appendf(line, sizeof line, &len, ", yours");
	else
		text_appendf(line, sizeof line, &len, " by %s", q->requester);
	ui_draw_text(y, x, line, cols, a);
	if (max_rows < 2)
		return 2;
	len = 0;
	line[0] = '\0';
	switch (q->status) {
	case CREQ_DECLINED:
		text_appendf(line, sizeof line, &len, "Declined: %s", q->reason);
		break;
	case CREQ_MERGED:
		text_appendf(line, sizeof line, &len, "Merged into %s%s%s", q->community,
		    q->reason[0] != '\0' ? ": " : "", q->reason);
		break;
	case CREQ_APPROVED:
		text_appendf(line, sizeof line, &len, create ? "Approved: %s is in Communities" :
		    "Approved: you moderate %s", create ? q->community : q->name);
		break;
	default:
		if (q->description[0] != '\0')
			text_appendf(line, sizeof line, &len, "%s. ", q->description);
		text_appendf(line, sizeof line, &len, "Why: %s", q->why);
		break;
	}
	ui_draw_text(y + 1, x + 2, line, cols > 2 ? cols - 2 : cols, a == UI_A_SELECT ? a : UI_A_DIM);
	return 2;
}
