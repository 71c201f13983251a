"""The Chinese of everything orgkb says to a person, in one place (see :mod:`orgkb.text`).

``CATALOGUE`` gives the Chinese template of each English template of a
:class:`~orgkb.text.Text`, keyed by the English; ``WORDS`` gives the Chinese word of each
member of the enumerations that text names as values — scenarios, governance, options,
levels and functions — whose English is the member's own value, an id. A test finds every
template in the code and fails on one this catalogue does not translate, or on an entry no
code uses any more.

The terms are the article's and the glossary's headwords (推广部, 客服部, 销售部, 集团, 片区,
城市, 分公司, 分权, 集权, 同城内耗, 支持部门, 线索 …). A Chinese template names the same values as
its English one, may order them as Chinese wants, and writes no space around them: where a
value of Latin letters or digits meets a Chinese character, :meth:`~orgkb.text.Text.translated`
puts one. Ids, field and option names, and the first word of a dispatch reason stay as they
are: programs read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from orgkb.model import Function, Level, Option
from orgkb.plan import Governance, Scenario

WORDS: Mapping[Enum, str] = MappingProxyType(
    {
        Scenario.NO_BRANCHES: "没有分公司",
        Scenario.ONE_REGION: "一个片区",
        Scenario.MULTI_REGION: "多个片区",
        Governance.CENTRALIZED: "集权",
        Governance.DECENTRALIZED: "分权",
        Option.ONE_HEAD: "一位总负责人",
        Option.SEPARATE: "各自设立",
        Option.UNIFIED: "统一设立",
        Option.DECENTRALIZED: "分权",
        Option.CENTRALIZED: "集权",
        Level.GROUP: "集团",
        Level.REGION: "片区",
        Level.CITY: "城市",
        Level.BRANCH: "分公司",
        Function.PROMOTION: "推广",
        Function.CUSTOMER_SERVICE: "客服",
        Function.SALES: "销售",
        Function.SUPPORT: "支持",
        Function.COORDINATION: "统筹",
        Function.AUDIT: "审核",
        Function.BRAND_ZONE_ADS: "品牌专区",
        Function.CHANNEL_TESTS: "新渠道测试",
    }
)
"""The Chinese word of each enumeration member a text names, and of each level and function
as a chart labels it."""

CATALOGUE: Mapping[str, str] = MappingProxyType(
    {
        # Words for values (orgkb.values)
        "nothing": "空值",
        "true/false ({value})": "布尔值（{value}）",
        "a number ({value})": "数字{value}",
        "a number of {digits}+ digits": "超过{digits}位的数字",
        "not a number (nan)": "非数值（nan）",
        "an infinity ({value})": "无穷大（{value}）",
        "text ({shown!r})": "文本{shown!r}",
        "a list": "列表",
        "a mapping": "映射",
        "expected a number, got {got}": "应为数字，实际为{got}",
        "expected a number of at most {largest:g}, got {got}": (
            "应为不大于{largest:g}的数，实际为{got}"
        ),
        "a whole number": "整数",
        "a number": "数",
        "{number:g} or more": "不小于{number:g}",
        "above {number:g}": "大于{number:g}",
        "at most {number:g}": "不大于{number:g}",
        "below {number:g}": "小于{number:g}",
        "{first} and {then}": "{first}且{then}",
        "{kind} of {bounds}": "{bounds}的{kind}",
        "{kind} {bounds}": "{bounds}的{kind}",
        "expected {limits}, got {got}": "应为{limits}，实际为{got}",
        # Files and tables (orgkb.reading)
        "UTF-8, GB18030 or UTF-16": "UTF-8、GB18030 或 UTF-16",
        "is not text in {encodings}": "不是{encodings}编码的文本",
        "is UTF-32 text, not {encodings}": "是 UTF-32 文本，不是{encodings}",
        "the row holds bytes that are not text in the file's encoding": (
            "这一行含有不属于文件编码的字节"
        ),
        "malformed CSV: a quoted value starts on this line and never ends": (
            "CSV 格式有误：这一行有一个值以引号开头，但引号没有闭合"
        ),
        "malformed CSV: {error}": "CSV 格式有误：{error}",
        "malformed CSV: a quoted value runs past the end of its line": (
            "CSV 格式有误：这一行有一个带引号的值，没有在本行内结束"
        ),
        "malformed CSV: a quote inside a value that is not quoted": (
            "CSV 格式有误：没有加引号的值里出现了引号"
        ),
        "no such file": "文件不存在",
        "is a directory, not {what}": "是目录，不是{what}",
        "cannot be read: {reason}": "无法读取：{reason}",
        "is a binary file, not {what}": "是二进制文件，不是{what}",
        "the file is empty": "文件是空的",
        "the file has no header row": "文件没有表头行",
        "the columns are separated by ';': save the table with commas or tabs": (
            "各列用 ';' 分隔：请改用逗号或制表符分隔，重新保存表格"
        ),
        "the column {name} appears twice": "列{name}出现了两次",
        "the columns {first} and {second} are both the column {column!r}: keep one": (
            "列{first}和{second}是同一列（{column!r}），只能保留一个"
        ),
        "the header has no {name!r} column (expected {expected})": (
            "表头缺少{name!r}列（应有{expected}）"
        ),
        "{values} values for {columns} columns": "有{values}个值，但只有{columns}列",
        "unknown {what} {name} ({hint})": "未知的{what}{name}（{hint}）",
        "did you mean {name!r}?": "是不是{name!r}？",
        "expected one of {names}": "应为以下之一：{names}",
        "expected one of {names} and {more:,} more": "应为以下之一：{names}等（另有{more:,}个）",
        "column": "列",
        "field": "字段",
        "branch": "分公司",
        # Company profiles (orgkb.profile)
        "a YAML, JSON or CSV company profile": "YAML、JSON 或 CSV 格式的公司档案",
        "the keys {first} and {second} are both the field {own!r}: keep one": (
            "键{first}和{second}是同一个字段（{own!r}），只能保留一个"
        ),
        "the key {key} appears twice in one object": "键{key}在同一个对象中出现了两次",
        "the key {key} appears twice in one mapping": "键{key}在同一个映射中出现了两次",
        "malformed JSON: {problem}": "JSON 格式有误：{problem}",
        "Expecting value": "此处缺少一个值",
        "Expecting property name enclosed in double quotes": "此处应是用双引号括起来的键",
        "Expecting ':' delimiter": "此处缺少 ':'",
        "Expecting ',' delimiter": "此处缺少 ','",
        "Unterminated string starting at": "字符串没有结束",
        "Invalid control character at": "含有不允许的控制字符",
        "Invalid \\escape": "无效的 \\ 转义",
        "Invalid \\uXXXX escape": "无效的 \\uXXXX 转义",
        "Extra data": "数据结束后还有多余的内容",
        "the JSON nests deeper than {deepest} levels": "JSON 嵌套超过{deepest}层",
        "malformed YAML: {problem}": "YAML 格式有误：{problem}",
        "mapping values are not allowed here": "此处不能出现映射的值",
        "could not find expected ':'": "找不到应有的 ':'",
        "found unexpected end of stream": "文件意外结束",
        "found unexpected ':'": "出现了意外的 ':'",
        "found unknown escape character": "出现了未知的转义字符",
        "expected a comment or a line break": "此处应是注释或换行",
        "cannot be parsed": "无法解析",
        "expected {expected}, but found {found}": "此处应是{expected}，实际是{found}",
        "found character {character} that cannot start any token": "字符{character}不能出现在这里",
        "malformed YAML: the character U+{code:04X} is not allowed in YAML": (
            "YAML 格式有误：YAML 中不允许出现字符 U+{code:04X}"
        ),
        "the aliases (*name) would repeat {repeated:,} values; a profile of this size may "
        "repeat {allowed:,}": (
            "别名（*name）会重复{repeated:,}个值；这样大小的公司档案最多只能重复{allowed:,}个"
        ),
        "expected a single document, but found another document": (
            "应只有一个文档，却发现了另一个文档"
        ),
        "a key must be text, not a mapping": "键必须是文本，不能是映射",
        "a key must be text, not a list": "键必须是文本，不能是列表",
        "a key must be text, not an alias of a mapping or list": (
            "键必须是文本，不能是映射或列表的别名"
        ),
        "the YAML nests deeper than {deepest} levels": "YAML 嵌套超过{deepest}层",
        "the tag {tag} has no use in a profile": "公司档案用不到标签{tag}",
        "the alias *{name} is inside the value it names": "别名 *{name} 位于它所指的值内部",
        "found undefined alias {name!r}": "别名{name!r}没有定义",
        "malformed YAML: found duplicate anchor {name!r}": "YAML 格式有误：锚点{name!r}重复",
        "a merge key (<<) has no use in a profile: write the keys out in full": (
            "公司档案不使用合并键（<<）：请把各个键完整写出来"
        ),
        "expected a mapping with 'company' and 'branches' at the top": (
            "顶层应是包含 'company' 和 'branches' 的映射"
        ),
        "expected a list of branches, got {got}": "应为分公司列表，实际为{got}",
        "expected a branch with a name and a city, got {got}": (
            "应为有名称和城市的分公司，实际为{got}"
        ),
        "give {hourly} or {monthly}, not both": "{hourly}和{monthly}只能给出一个",
        "expected a mapping, got {got}": "应为映射，实际为{got}",
        "missing: salaries need agent, promoter, support and manager": (
            "缺少这一项：salaries 须包含 agent、promoter、support 和 manager"
        ),
        "expected one of {options}, got {got}": "应为{options}之一，实际为{got}",
        "missing": "缺少这一项",
        "is empty": "不能为空",
        "expected text, got {got}": "应为文本，实际为{got}",
        "expected text, got half a character (U+{code:04X})": (
            "应为文本，实际为半个字符（U+{code:04X}）"
        ),
        "expected a list of {what}, got {got}": "应为{what}列表，实际为{got}",
        "projects": "项目",
        "weekdays and dates": "休息的星期和日期",
        "expected a weekday (sunday, 周日) or a date (2026-10-01), got {got}": (
            "应为星期（sunday、周日）或日期（2026-10-01），实际为{got}"
        ),
        "the branch on line {line}": "第{line}行的分公司",
        "{name} is already the name of {earlier}": "{name}与{earlier}重名",
        "{name!r} is already the name of branches[{index}]": ("{name!r}与 branches[{index}] 重名"),
        # Leads and their dispatch (orgkb.leads, orgkb.dispatch)
        "a CSV file": "CSV 文件",
        "the row has no values": "这一行没有任何值",
        "the id is missing": "缺少编号",
        "the lead id is missing": "缺少线索编号",
        "an ISO 8601 date or date and time (2026-03-02 or 2026-03-02T08:15)": (
            "ISO 8601 日期或日期时间（2026-03-02 或 2026-03-02T08:15）"
        ),
        "received: expected {time}, got {got}": "received：应为{time}，实际为{got}",
        "expected {time}, got {got}": "应为{time}，实际为{got}",
        "the header has no 'received' column (接收时间), which {needs} need": (
            "表头没有 received 列（接收时间），{needs}需要这一列"
        ),
        "the project is missing": "缺少项目",
        "{name} is already on line {line}": "{name}已经在第{line}行出现过",
        "{why}: {detail}": "{why}: {detail}",
        "line {line}: {problem}": "第{line}行：{problem}",
        "the id {id!r} came first and is never assigned twice": (
            "编号{id!r}已经出现过，同一条线索不会分配两次"
        ),
        "the id {id!r} came first on line {line} and is never assigned twice": (
            "编号{id!r}已在第{line}行出现过，同一条线索不会分配两次"
        ),
        "the lead names no city and {company} has branches in {count} regions, so its region "
        "is unknown": (
            "线索没有写明城市，而{company}的分公司分布在{count}个片区，无法确定它属于哪个片区"
        ),
        "no branch of {company} is in {city!r}, so its region is unknown": (
            "{company}在{city!r}没有分公司，无法确定线索属于哪个片区"
        ),
        "no branch of {company} serves {project!r}": "{company}没有承接{project!r}的分公司",
        "no branch in {city!r} or its region {regions} serves {project!r}": (
            "{city!r}及其所在片区{regions}都没有承接{project!r}的分公司"
        ),
        "{either} or {other}": "{either}或{other}",
        # Plans and options (orgkb.model, orgkb.plan, orgkb.compare)
        "{option!r} is not an option for a company that is {scenario}; expected one of "
        "{choices}": "{option!r}不是{scenario}情形下可选的方案；可选：{choices}",
        "not an assumption of the comparison": "不是方案比较的假设",
        "{name!r} gives no inquiry volume; give inquiries_per_hour or inquiries_per_month for "
        "every branch or for none": (
            "{name!r}没有给出咨询量；要么每家分公司都给出 inquiries_per_hour 或 "
            "inquiries_per_month，要么都不给"
        ),
        "{name!r} gives {hourly:g} inquiries an hour, which with a busy hour of {busy:g} of the "
        "day's make more than {largest:g} a month": (
            "{name!r}高峰小时有{hourly:g}条咨询，按高峰小时占全天的{busy:g}计算，"
            "每月超过{largest:g}条"
        ),
        "customer service of {unit!r}: {problem}": "{unit!r}的客服：{problem}",
        "service target {target}; customer service open {hours:g} h a day, {days_open:g} "
        "days a week, {work:g} h a week a person; span of control {span}; busy hour "
        "{busy:g}% of a day's inquiries, {days:g} days a month; promotion {overhead} a team "
        "for its accounts and campaigns and one per {leads:,.0f} inquiries a month, at least "
        "{minimum} a team; support team {support}, coordination team {coordination}": (
            "服务目标为{target}；客服部每天开放{hours:g}小时、每周{days_open:g}天，"
            "每人每周工作{work:g}小时；管理幅度{span}；高峰小时的咨询量占全天的{busy:g}%，"
            "每月{days:g}天；推广部每个团队为广告账户和推广活动配{overhead}人，"
            "另按每月每{leads:,.0f}条咨询配一名推广专员，每个团队至少{minimum}人；"
            "支持部门{support}人，统筹团队{coordination}人"
        ),
        "{size} for the {count} branches that need it": "{size}（服务需要扶持的{count}家分公司）",
        # Customer-service queues (orgkb.staffing)
        "{level} answered within {within} s, handle time {handle} s, shrinkage {shrinkage}, "
        "{cap}": "{level}在{within}秒内接起，处理时长{handle}秒，缩减率{shrinkage}，{cap}",
        "no occupancy cap": "不限占用率",
        "occupancy at most {cap}": "占用率不超过{cap}",
        "agents must be 0 or more and at most {most:,}": "坐席数必须不小于 0 且不大于{most:,}",
        "load must be 0 or more": "话务量必须不小于 0",
        "the queue grows without end unless agents exceed the load": (
            "坐席数不超过话务量，队列会无限增长"
        ),
        "the load must be at most {most:,} Erlangs": "话务量最多为{most:,}爱尔兰",
        "an occupancy of at most {cap:g} needs more than {most:,} agents for {load:g} Erlangs, "
        "the most that can be sized": (
            "占用率不超过{cap:g}时，{load:g}爱尔兰的话务量需要超过{most:,}名坐席，"
            "超出了可以测算的上限"
        ),
        "{problem}, got {value}": "{problem}，实际为{value}",
        # Charts (orgkb.chart)
        "no branches": "没有分公司",
        "one region, several branches": "一个片区，多家分公司",
        "several regions": "多个片区",
        "{company}: as is ({scenario}; {option}, as the profile says)": (
            "{company}：现状（{scenario}；公司档案写明为{option}）"
        ),
        "{company}: as is ({scenario}; functions not shown)": (
            "{company}：现状（{scenario}；未标出职能）"
        ),
        "{company}: separate teams in every branch ({scenario})": (
            "{company}：各分公司各自设立团队（{scenario}）"
        ),
        "{company}: recommended ({scenario}, {governance})": (
            "{company}：推荐方案（{scenario}，{governance}）"
        ),
        "{company}: recommended ({scenario})": "{company}：推荐方案（{scenario}）",
        "manages only": "只做管理",
        "{company}: the move from {today} to {target} ({scenario})": (
            "{company}：从{today}调整为{target}（{scenario}）"
        ),
        "today": "现状",
        "Support unit: {staff} {people} for the branches that need support: {count} "
        "(new or lagging; orgkb support shows why)": (
            "支持部门：{staff}{people}，需要扶持的分公司：{count}家"
            "（新开或落后的；orgkb support 会说明原因）"
        ),
        "person": "人",
        "people": "人",
        "busy-hour agents answering": "高峰小时在线坐席",
        "busy-hour seats (with shrinkage)": "高峰小时坐席（含缩减）",
        "customer-service people": "客服人员",
        "headcount (people)": "人数（按人计）",
        "Seats are the busy hour's agents over one minus shrinkage; customer-service people "
        "are those on the payroll who fill the seats every hour the desk is open, and "
        "headcount counts people. Sales (one department per branch in every option) is not "
        "counted.": (
            "坐席数是高峰小时的在线坐席除以（1 − 缩减率）；客服人员是在客服部开放的每个小时都把坐席"
            "坐满所需的在编人数，人数按人计算。销售部（每个方案里每家分公司都有一个）不计在内。"
        ),
        "{function} (until phase {phase})": "{function}（至第{phase}阶段）",
        "{function} (from phase {phase})": "{function}（自第{phase}阶段起）",
        "{function} (phases {first} to {last} only)": "{function}（仅第{first}至第{last}阶段）",
        "{function}": "{function}",
        "Org chart: {companies}": "组织架构图：{companies}",
        "name, level and functions": "名称、层级和职能",
        "name and level": "名称和层级",
        "Org chart of 1 unit; each box gives the unit's {what}.": (
            "组织架构图，共 1 个单位；每个方框标出单位的{what}。"
        ),
        "Org chart of {count} units; each box gives the unit's {what}.": (
            "组织架构图，共{count}个单位；每个方框标出单位的{what}。"
        ),
        # Plan trees, tables and the comparison (orgkb.render)
        ", ": "、",
        "{company}: {scenario}": "{company}：{scenario}",
        "{company}: {scenario}, {governance}": "{company}：{scenario}，{governance}",
        "Rules applied:": "采用的规则：",
        "{name} [{level}] {functions}": "{name} [{level}] {functions}",
        "{name} [{level}]": "{name} [{level}]",
        "(manages only)": "（只做管理）",
        "{leads} leads: {assigned} assigned ({in_city} in their city, {in_region} elsewhere in "
        "their region), {unassigned} not assigned": (
            "共{leads}条线索：已分配{assigned}条（本城市{in_city}条，本片区其他城市{in_region}条），"
            "未分配{unassigned}条"
        ),
        "region": "片区",
        "capacity": "工作量",
        "open": "在跟进",
        "assigned": "已分配",
        "load share": "负荷占比",
        "capacity share": "工作量占比",
        "not assigned: {counts}": "未分配：{counts}",
        "passed": "轮空",
        "lost": "被收回",
        "taken back for want of a follow-up and given to another branch: {count}": (
            "因未及时跟进而收回并改派给其他分公司：{count}"
        ),
        "{percent:g}% interval": "{percent:g}%区间",
        "orgkb: note: 1 row of {follow_ups} name leads that are not in {leads}, "
        "and were not used": "orgkb: 提示：{follow_ups}中有 1 行的线索不在{leads}中，未使用",
        "orgkb: note: {count:,} rows of {follow_ups} name leads that are not in {leads}, "
        "and were not used": "orgkb: 提示：{follow_ups}中有{count:,}行的线索不在{leads}中，未使用",
        "the received time is missing": "缺少接收时间",
        "the daily caps and closed days of the profile": "档案中的每日上限和休息日",
        "the follow-up deadlines": "跟进期限",
        "needs --follow-ups FILE": "需要同时给出 --follow-ups FILE",
        "needs --within HOURS": "需要同时给出 --within HOURS",
        "line {line}: the received time is missing": "第{line}行：缺少接收时间",
        "every branch that could take the lead is closed on {day}": (
            "能接这条线索的分公司在{day}都休息"
        ),
        "every branch that could take the lead is closed or at its daily cap on {day}": (
            "能接这条线索的分公司在{day}都休息或已达每日上限"
        ),
        "every branch that could take the lead has reached its daily cap on {day}": (
            "能接这条线索的分公司在{day}都已达每日上限"
        ),
        "group": "小组",
        "leads": "线索",
        "not assigned": "未分配",
        "deals": "成交",
        "conversion": "转化率",
        "1 branch": "1 家分公司",
        "{count} branches": "{count}家分公司",
        "{company}: {scenario}, {branches}; as is: {as_is}": (
            "{company}：{scenario}，{branches}；现状：{as_is}"
        ),
        "{option}*": "{option}*",
        "customer-service queues": "客服队列",
        "promotion teams": "推广团队",
        "promoters": "推广专员",
        "support and coordination": "支持与统筹",
        "managers": "管理者",
        "management layers": "管理层级",
        "average span of control": "平均管理幅度",
        "  change from as is": "  与现状相比",
        "labour cost a month": "每月人工成本",
        "same-city friction pairs": "同城内耗对数",
        "* as is: the company today (set it with the profile's as_is field)": (
            "* 现状：公司目前的做法（在公司档案的 as_is 字段中设置）"
        ),
        "Inquiry volumes not given: queues, managers, headcount and cost are not sized. Give "
        "every branch inquiries_per_hour or inquiries_per_month.": (
            "没有给出咨询量：客服队列、管理者、人数和成本都无法测算。请为每家分公司给出 "
            "inquiries_per_hour 或 inquiries_per_month。"
        ),
        "Assumptions: {assumptions}.": "假设：{assumptions}。",
        "load: {erlangs:.4g} Erlangs ({arrivals:g} arrivals an hour, {handle:g} s each)": (
            "话务量：{erlangs:.4g}爱尔兰（每小时{arrivals:g}条咨询，每条{handle:g}秒）"
        ),
        "target: {target}": "目标：{target}",
        "agents answering: {agents}": "在线坐席：{agents}",
        "agents rostered: {agents}": "排班坐席：{agents}",
        "service level: {level:.2%} answered within {within:g} s": (
            "服务水平：{level:.2%}在{within:g}秒内接起"
        ),
        "probability of waiting: {share:.2%}": "需要等待的概率：{share:.2%}",
        "average speed of answer: {seconds:.1f} s": "平均应答速度：{seconds:.1f}秒",
        "occupancy: {share:.2%}": "占用率：{share:.2%}",
        # What the command line says on standard error (orgkb.render, orgkb.cli)
        "orgkb: note: --governance applies to several regions; {company} is {scenario}, so it "
        "was not used": (
            "orgkb: 提示：--governance 只适用于多个片区；{company}属于{scenario}的情形，"
            "因此没有使用"
        ),
        "orgkb: note: --governance applies to the recommendation for several regions; {company} "
        "is {scenario}, so it was not used": (
            "orgkb: 提示：--governance 只适用于多个片区的推荐方案；{company}属于{scenario}的情形，"
            "因此没有使用"
        ),
        "orgkb: note: --governance applies to the recommendation for several regions; an as-is "
        "chart shows no functions, so it was not used": (
            "orgkb: 提示：--governance 只适用于多个片区的推荐方案；现状图不标出职能，因此没有使用"
        ),
        "no rule has the id or code {name!r}; `orgkb rules` lists them": (
            "没有编号或代号为{name!r}的规则；`orgkb rules` 会列出全部规则"
        ),
        "invalid choice: {value!r} (choose from {choices})": (
            "无效的选择：{value!r}（可选：{choices}）"
        ),
        "unknown language {code!r} (choose from en, zh_CN)": (
            "不支持的语言{code!r}（可选：en、zh_CN）"
        ),
        "the following arguments are required: {names}": "缺少必需的参数：{names}",
        "unrecognized arguments: {words}": "无法识别的参数：{words}",
        "expected one argument": "需要一个参数值",
        "expected at most one argument": "最多只能有一个参数值",
        "expected at least one argument": "至少需要一个参数值",
        "ignored explicit argument {value}": "这个选项不接受参数值{value}",
        "ambiguous option: {option} could match {matches}": "选项有歧义：{option}可能是{matches}",
        "not allowed with argument {option}": "不能与{option}同时使用",
        "only --format gbt7714 gives the day cited": "只有 --format gbt7714 才写出引用日期",
        "expected a date as YYYY-MM-DD, got {text!r}": "应为 YYYY-MM-DD 格式的日期，实际为{text!r}",
        "standard output is closed, so there is nowhere to write the result": (
            "标准输出已关闭，结果无处可写"
        ),
        "standard output is in the encoding {encoding}, which cannot hold the result; use "
        "UTF-8, for example with PYTHONIOENCODING=utf-8": (
            "标准输出的编码是{encoding}，容纳不了结果中的字符；请改用 UTF-8，"
            "例如设置 PYTHONIOENCODING=utf-8"
        ),
        "cannot write to standard output: {reason}": "无法写入标准输出：{reason}",
    }
)
"""The Chinese template of every English template, keyed by the English."""
