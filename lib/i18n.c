/*
 * i18n.c: the office's language.  Messages come from the gettext catalog
 * of the domain "zz" (po/zh_CN.po); table headers and the status and
 * kind words of text output from the tables below, which are also the
 * headers of --excel csv, Chinese whatever the locale.
 */
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zz.h"

#define DOMAIN "zz"
#ifndef ZZ_LOCALEDIR
#define ZZ_LOCALEDIR "/usr/local/share/locale"
#endif

static bool zh;		/* messages come in Chinese */

/* The locale asked for messages, the way setlocale reads it. */
static const char *
messages_locale(void)
{
	static const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *s;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((s = getenv(vars[i])) && *s)
			return s;
	return NULL;
}

/* When the locale asked for was never generated (a server with only
 * C.UTF-8), setlocale fails and glibc's gettext then answers in English
 * whatever LANGUAGE says.  Run in C.UTF-8 instead, whose name is not "C",
 * so that gettext reads LANGUAGE, and set LANGUAGE to the language asked
 * for, unless the user set one. */
static void
set_locale(void)
{
	const char *m;
	char lang[64];

	if (setlocale(LC_ALL, ""))
		goto numeric;
	m = messages_locale();
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C");
	if (m && strcmp(m, "C") && strcmp(m, "POSIX") && !getenv("LANGUAGE")) {
		snprintf(lang, sizeof lang, "%.*s", (int)strcspn(m, ".@"), m);
		setenv("LANGUAGE", lang, 1);
	}
numeric:
	/* numbers are printed for programs: always with a '.' */
	setlocale(LC_NUMERIC, "C");
}

/* The catalogs: $ZZ_LOCALEDIR, else beside the program (installed:
 * bin/../share/locale; the build tree: bin/../locale), else where make
 * install puts them. */
static void
bind_catalog(void)
{
	static char dir[4096];
	const char *env = getenv("ZZ_LOCALEDIR"), *sub[] = {"share/locale",
		"locale"};
	char exe[4000], *slash, mo[4200];
	ssize_t n;
	size_t i;

	if (env && *env) {
		bindtextdomain(DOMAIN, env);
		return;
	}
	bindtextdomain(DOMAIN, ZZ_LOCALEDIR);
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return;
	*slash = '\0';
	for (i = 0; i < 2; i++) {
		snprintf(mo, sizeof mo, "%s/../%s/zh_CN/LC_MESSAGES/" DOMAIN
		    ".mo", exe, sub[i]);
		if (access(mo, R_OK) == 0) {
			snprintf(dir, sizeof dir, "%s/../%s", exe, sub[i]);
			bindtextdomain(DOMAIN, dir);
			return;
		}
	}
}

void
zz_i18n_init(void)
{
	set_locale();
	bind_catalog();
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	/* "done" is in every catalog: translated, the catalog is in use */
	zh = strcmp(dgettext(DOMAIN, "done"), "done") != 0;
}

const char *
zz_tr(const char *msgid)
{
	return *msgid ? dgettext(DOMAIN, msgid) : msgid;
}

bool
zz_lang_zh(void)
{
	return zh;
}

const char *
zz_status_label(enum zz_status s)
{
	return zh ? zz_status_cn(s) : zz_status_name(s);
}

/* The Chinese name of every column the tools print. */
static const char *const colnames[][2] = {
	{"by", "填报人"}, {"date", "日期"}, {"days_late", "逾期天数"},
	{"due", "完成时限"}, {"group", "专班"}, {"id", "编号"},
	{"kind", "类别"}, {"line", "行号"}, {"note", "进展情况"},
	{"progress", "进度"}, {"reported", "填报日期"},
	{"responsible", "责任单位（人）"}, {"status", "状态"},
	{"text", "内容"}, {"scope", "范围"}, {"recorded", "录入时间"},
	{"voided", "作废"},
};

const char *
zz_col_cn(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof colnames / sizeof colnames[0]; i++)
		if (strcmp(colnames[i][0], name) == 0)
			return colnames[i][1];
	return name;
}

/* A value of column name as a person reads it in Chinese: status and
 * kind words; anything else as it is.  Borrowed. */
const char *
zz_value_cn(const char *name, const char *v)
{
	int k;

	if (strcmp(name, "status") == 0 && (k = zz_status_parse(v)) >= 0)
		return zz_status_cn((enum zz_status)k);
	if (strcmp(name, "kind") == 0 && (k = zz_kind_parse(v)) >= 0)
		return zz_kind_cn((enum zz_kind)k);
	return v;
}
