/*
 * zz-status: where every item of the plan stands, and the progress log
 * (status.csv) it comes from: show, set, add, log and fsck.  This file
 * reads the options; each subcommand is a file in src/status/.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

static const char *cmdnames[NCMDS] = {"show", "set", "add", "log", "fsck",
	"sheet", "void", "undo"};
static const char *gnames[] = {"--as-of", "--by", "--date", "-g", "-m",
	"-o", "-p", "--repair", "--month", "--dir", "--upgrade", "--all",
	"--force", "--correct"};
static const unsigned allowed[NCMDS] = {
	G_ASOF | G_GROUP | G_FMT,		/* show */
	G_BY | G_DATE | G_NOTE | G_PCT | G_ALL | G_FORCE,	/* set */
	G_BY | G_DATE | G_ALL | G_FORCE | G_CORRECT,	/* add */
	G_ASOF | G_FMT,				/* log */
	G_REPAIR | G_UPGRADE,			/* fsck */
	G_ASOF | G_GROUP | G_FMT | G_MONTH | G_DIR,	/* sheet */
	G_NOTE | G_BY,				/* void */
	G_NOTE | G_BY,				/* undo */
};

enum { O_BY = ZZ_OPT_FIRST_FREE, O_DATE, O_HELP, O_REPAIR, O_MONTH,
	O_DIR, O_COMPLETE, O_UPGRADE, O_ALL, O_FORCE, O_CORRECT };

const char *dir;
struct zz_plan plan;

void
usage(FILE *f)
{
	fputs(_(
	    "usage: zz-status [-h] [-d DIR] [--as-of DATE] [-g GROUP] [-o FORMAT]\n"
	    "                 [--csv-safe] [--excel] [show]\n"
	    "       zz-status [-d DIR] set ID STATUS [-p PERCENT] [-m NOTE] "
	    "[--date DATE]\n"
	    "                 [--by NAME] [--all] [--force]\n"
	    "       zz-status [-d DIR] add [--date DATE] [--by NAME] [--all] "
	    "[--force]\n"
	    "                 [--correct] [FILE | -]\n"
	    "       zz-status [-d DIR] [--as-of DATE] [-o FORMAT] log [ID ...]\n"
	    "       zz-status [-d DIR] fsck [--repair | --upgrade]\n"
	    "       zz-status [-d DIR] void LINE|ID@DATE -m REASON [--by NAME]\n"
	    "       zz-status [-d DIR] undo [-m REASON] [--by NAME]\n"
	    "       zz-status [-d DIR] [--as-of DATE] sheet [-g GROUP] "
	    "[--month MONTH]\n"
	    "                 [--dir OUTDIR] [-o xlsx|csv]\n"
	    "       zz-status --version\n"
	    "\n"
	    "  -d DIR          the data directory (default $ZZ_DATA, else ./data)\n"
	    "  --as-of DATE    as things stood on DATE (YYYY-MM-DD; default today)\n"
	    "  -g GROUP        one task force (0 is the office)\n"
	    "  -o FORMAT       text, csv, tsv, json or jsonl; for sheet, xlsx or csv\n"
	    "  --csv-safe      csv/tsv cells starting with = + - @ get a leading '\n"
	    "  --excel         csv for spreadsheets: BOM, CRLF, Chinese headers\n"
	    "  -p PERCENT      set: progress, 0-100 (done without -p records 100)\n"
	    "  -m NOTE         set: what was done (进展情况); void, undo: why\n"
	    "  --date DATE     set, add: the date of the report (default today)\n"
	    "  --by NAME       set, add, void, undo: who (default $ZZ_USER, else "
	    "$USER)\n"
	    "  --repair        fsck: mend what a crash or a spreadsheet left, "
	    "with a backup\n"
	    "  --upgrade       fsck: the same, and the log in its second form\n"
	    "  --all           set, add: done on a recurring item closes every "
	    "occurrence\n"
	    "  --force         set, add: a date far from the plan's year, or after "
	    "today\n"
	    "  --correct       add: rows that correct earlier reports of their "
	    "date\n"
	    "  --month MONTH   sheet: the month (YYYY-MM; default this month)\n"
	    "  --dir OUTDIR    sheet: one file per task force into OUTDIR\n"
	    "  -h, --help      this help;  --version  the version\n"
	    "\n"
	    "STATUS: todo doing done blocked dropped, or 未开始 推进中 已完成 受阻 "
	    "已取消\n"
	    "(set and add also read 完成, 已办结, 进行, 暂缓, Done ...: zz-status(1))\n"),
	    f);
}

static int
parse_cmd(int *argc, char ***argv)
{
	int i;

	if (*argc == 0)
		return C_SHOW;
	for (i = 0; i < NCMDS; i++)
		if (strcmp((*argv)[0], cmdnames[i]) == 0) {
			(*argc)--, (*argv)++;
			return i;
		}
	zz_warn("unknown command '%s' (show, set, add, log, fsck, sheet, "
	    "void or undo)",
	    (*argv)[0]);
	usage(stderr);
	exit(ZZ_EXIT_ERR);
}

static void
check_given(const struct opts *o, int cmd)
{
	unsigned bad = o->given & ~allowed[cmd];
	int i;

	for (i = 0; bad; i++, bad >>= 1)
		if (bad & 1) {
			zz_warn("%s is not an option of '%s'", gnames[i],
			    cmdnames[cmd]);
			usage(stderr);
			exit(ZZ_EXIT_ERR);
		}
}

/* xlsx is for sheets only; a sheet is xlsx or csv. */
static void
check_format(const struct opts *o, int cmd)
{
	bool sheet = cmd == C_SHEET, xlsx = o->c.fmtname &&
	    strcmp(o->c.fmtname, "xlsx") == 0;

	if ((xlsx && !sheet) || (sheet && o->c.fmtname && !xlsx &&
	    strcmp(o->c.fmtname, "csv") != 0))
		zz_die("-o %s is not a format of '%s' (%s)", o->c.fmtname,
		    cmdnames[cmd], sheet ? "xlsx or csv" :
		    "text, csv, tsv, json or jsonl");
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"all", no_argument, NULL, O_ALL},
		{"as-of", required_argument, NULL, ZZ_OPT_ASOF},
		{"by", required_argument, NULL, O_BY},
		/* not in -h: for completion/zz.bash */
		{"complete", required_argument, NULL, O_COMPLETE},
		ZZ_LONGOPT_CSV_SAFE,
		{"correct", no_argument, NULL, O_CORRECT},
		{"date", required_argument, NULL, O_DATE},
		{"dir", required_argument, NULL, O_DIR},
		{"force", no_argument, NULL, O_FORCE},
		{"help", no_argument, NULL, O_HELP},
		{"month", required_argument, NULL, O_MONTH},
		{"repair", no_argument, NULL, O_REPAIR},
		{"upgrade", no_argument, NULL, O_UPGRADE},
		{"version", no_argument, NULL, ZZ_OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct opts o = {.group = -1};
	int ch, cmd, rc;

	zz_setprog(argv[0]);
	zz_common_init(&o.c);
	while ((ch = getopt_long(argc, argv, "d:g:hm:o:p:", longopts,
	    NULL)) != -1) {
		if (ch == 'o')
			o.given |= G_FMT;
		else if (ch == ZZ_OPT_ASOF)
			o.given |= G_ASOF;
		if (zz_common_opt(&o.c, ch, optarg,
		    "text,csv,tsv,json,jsonl,xlsx"))
			continue;
		switch (ch) {
		case 'g':
			o.group = (int)zz_optnum("-g", optarg, 0, ZZ_GROUP_MAX);
			o.given |= G_GROUP;
			break;
		case 'h':
		case O_HELP:
			usage(stdout);
			return zz_finish(ZZ_EXIT_OK);
		case 'm':
			o.note = optarg;
			o.given |= G_NOTE;
			break;
		case 'p':
			o.pct = optarg;
			o.given |= G_PCT;
			break;
		case O_BY:
			o.by = optarg;
			o.given |= G_BY;
			break;
		case O_DATE:
			o.date = optarg;
			o.given |= G_DATE;
			break;
		case O_REPAIR:
			o.repair = true;
			o.given |= G_REPAIR;
			break;
		case O_ALL:
			o.all = true;
			o.given |= G_ALL;
			break;
		case O_FORCE:
			o.force = true;
			o.given |= G_FORCE;
			break;
		case O_CORRECT:
			o.correct = true;
			o.given |= G_CORRECT;
			break;
		case O_UPGRADE:
			o.upgrade = true;
			o.given |= G_UPGRADE;
			break;
		case O_MONTH:
			o.month = optarg;
			o.given |= G_MONTH;
			break;
		case O_COMPLETE:
			o.complete = optarg;
			break;
		case O_DIR:
			o.outdir = optarg;
			o.given |= G_DIR;
			break;
		default:
			usage(stderr);
			return ZZ_EXIT_ERR;
		}
	}
	argc -= optind;
	argv += optind;
	cmd = parse_cmd(&argc, &argv);
	check_given(&o, cmd);
	check_format(&o, cmd);
	if (o.date && cmd == C_ADD) {
		zz_date d;

		if (zz_parse_date(o.date, &d) < 0)
			zz_die("--date: '%s' is not a date (YYYY-MM-DD)", o.date);
	}
	if (o.c.asof == ZZ_NODATE)
		o.c.asof = zz_today();
	if (o.c.fmt < 0)
		o.c.fmt = ZZ_FMT_TEXT;
	dir = zz_data_dir(o.c.dir);
	if (o.complete) {
		/* the commands are offered also where no data directory is */
		if (zz_plan_load(dir, &plan) < 0)
			zz_plan_free(&plan);
		rc = cmd_complete(o.complete, cmdnames, NCMDS);
		zz_plan_free(&plan);
		return zz_finish(rc);
	}
	if (zz_plan_load(dir, &plan) < 0)
		return zz_finish(ZZ_EXIT_ERR);
	zz_plan_workdays(&plan);	/* 9月30日前 on a day off */
	switch (cmd) {
	case C_ADD:
		rc = cmd_add(&o, argc, argv);
		break;
	case C_FSCK:
		rc = cmd_fsck(&o, argc);
		break;
	case C_LOG:
		rc = cmd_log(&o, argc, argv);
		break;
	case C_SET:
		rc = cmd_set(&o, argc, argv);
		break;
	case C_SHEET:
		rc = cmd_sheet(&o, argc);
		break;
	case C_VOID:
		rc = cmd_void(&o, argc, argv);
		break;
	case C_UNDO:
		rc = cmd_undo(&o, argc);
		break;
	default:
		rc = cmd_show(&o, argc);
		break;
	}
	zz_plan_free(&plan);
	return zz_finish(rc);
}
