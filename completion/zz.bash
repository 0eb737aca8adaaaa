# bash completion for the zz tools: zz-import, zz-status, zz-overdue and
# zz-report.  Subcommands, flags, item and occurrence ids, task force
# numbers, people and units come from the tools themselves: flags from
# their -h, the rest from `zz-status --complete WHAT` over the data
# directory of -d on the line, else $ZZ_DATA, else ./data.
# Installed as share/bash-completion/completions/zz-status (and a link
# per tool); zsh runs it through bashcompinit (_zz, made from this file
# by make).  Written for both: no word splitting of unquoted variables,
# arrays from 0 (zsh's ksharrays, which bashcompinit sets).

# The data directory the line names.
_zz_dir()
{
	local i w
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-d) printf '%s\n' "${COMP_WORDS[i + 1]}"; return ;;
		-d?*) printf '%s\n' "${w#-d}"; return ;;
		esac
	done
	printf '%s\n' "${ZZ_DATA:-./data}"
}

# zz-status --complete WHAT for the line's data directory.
_zz_words()
{
	local dir
	dir=$(_zz_dir)
	zz-status -d "$dir" --complete "$1" 2>/dev/null
}

# The flags a tool's -h names: -a, --long; -hq stands for -h and -q.
_zz_flags()
{
	LC_ALL=C "$1" -h 2>/dev/null | tr ' [|,' '\n\n\n\n' |
	    awk '/^--[a-z][a-z-]*$/ { print; next }
		/^-[a-zA-Z]+$/ { for (i = 2; i <= length($0); i++)
			print "-" substr($0, i, 1) }' | sort -u
}

# Offer the words of $1 (one a line) that start with the current word;
# a word with spaces stays one word.
_zz_offer()
{
	local cur=${COMP_WORDS[COMP_CWORD]} w
	while IFS= read -r w; do
		[[ -n $w && $w == "$cur"* ]] && COMPREPLY+=("$w")
	done <<<"$1"
}

# The first word after the options that is one of the tool's
# subcommands, and how many words follow it up to the current one.
_zz_sub()
{
	local i w
	_zz_subcmd= _zz_nargs=0
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -n $_zz_subcmd ]]; then
			[[ $w == -* ]] || ((_zz_nargs++))
			continue
		fi
		case " $1 " in *" $w "*) _zz_subcmd=$w ;; esac
	done
}

_zz_complete()
{
	local prog=${COMP_WORDS[0]##*/} cur=${COMP_WORDS[COMP_CWORD]}
	local prev=${COMP_WORDS[COMP_CWORD - 1]} subs=
	COMPREPLY=()
	case $prog in
	zz-status) subs=$(_zz_words commands | tr '\n' ' ') ;;
	zz-report) subs="monthly quarterly annual" ;;
	esac
	# the value of an option
	case $prev in
	-d | --dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	-g) _zz_offer "$(_zz_words groups)"; return ;;
	--by | --person) _zz_offer "$(_zz_words people)"; return ;;
	--unit) _zz_offer "$(_zz_words units)"; return ;;
	--month) _zz_offer "$(date +%Y-%m)"; return ;;
	--as-of | --date) _zz_offer "$(date +%Y-%m-%d)"; return ;;
	--encoding) _zz_offer "$(printf '%s\n' GB18030 UTF-8)"; return ;;
	-f) _zz_offer "$(printf '%s\n' doc csv json)"; return ;;
	-s) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	-p)
		[[ $prog == zz-status ]] && return	# a percentage
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	-m | --within | --rule | --quarter | --year | --complete) return ;;
	-o)
		_zz_sub "$subs"
		case $prog/$_zz_subcmd in
		zz-import/*) _zz_offer json ;;
		zz-overdue/*) _zz_offer "$(printf '%s\n' text csv tsv json jsonl ics)" ;;
		zz-report/*) _zz_offer "$(printf '%s\n' text md html csv json docx)" ;;
		zz-status/sheet) _zz_offer "$(printf '%s\n' xlsx csv)" ;;
		*) _zz_offer "$(printf '%s\n' text csv tsv json jsonl)" ;;
		esac
		return ;;
	esac
	if [[ $cur == -* ]]; then
		_zz_offer "$(_zz_flags "$prog")"
		return
	fi
	case $prog in
	zz-import) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	zz-overdue) return ;;
	esac
	_zz_sub "$subs"
	if [[ -z $_zz_subcmd ]]; then
		_zz_offer "$(tr ' ' '\n' <<<"$subs")"
		return
	fi
	case $_zz_subcmd/$_zz_nargs in
	set/0 | log/* | void/0)
		# ids; occurrences (ID@YYYY-MM) once an @ is typed
		if [[ $cur == *@* ]]; then _zz_offer "$(_zz_words occurrences)"
		else _zz_offer "$(_zz_words ids)"; fi ;;
	set/1) _zz_offer "$(_zz_words statuses)" ;;
	add/0) COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}

complete -F _zz_complete zz-import zz-status zz-overdue zz-report
