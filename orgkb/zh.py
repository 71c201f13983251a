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
        "a comma after the last item": "最后一项之后多了一个逗号",
        # The planner page (orgkb.planner)
        "My company": "我的公司",
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
        "expected a date as YYYY-MM-DD, got {text}": "应为 YYYY-MM-DD 格式的日期，实际为{text}",
        "standard output is closed, so there is nowhere to write the result": (
            "标准输出已关闭，结果无处可写"
        ),
        "standard output is in the encoding {encoding}, which cannot hold the result; use "
        "UTF-8, for example with PYTHONIOENCODING=utf-8": (
            "标准输出的编码是{encoding}，容纳不了结果中的字符；请改用 UTF-8，"
            "例如设置 PYTHONIOENCODING=utf-8"
        ),
        "cannot write to standard output: {reason}": "无法写入标准输出：{reason}",
        # The move, the branches that need support and the tally of competing groups
        # (orgkb.render, orgkb.transition, orgkb.support, orgkb.groups, orgkb.measures)
        "{company}: from {today} to {target} ({scenario}, {branches})": (
            "{company}：从{today}转型为{target}（{scenario}，{branches}）"
        ),
        "today (as the profile gives it)": "现状（按公司档案）",
        "people: {before:,} before, {after:,} after (compare's {target}); {moved:,} moved, "
        "{hired:,} hired, {released:,} released": (
            "人数：转型前{before:,}人，转型后{after:,}人（即 orgkb compare 的{target}一栏）；"
            "调动{moved:,}人，新招{hired:,}人，裁减{released:,}人"
        ),
        "Nothing changes: today is already the target.": "无需转型：现状已经是目标方案。",
        "What changes, unit by unit": "逐个单位的变化",
        "unit": "单位",
        "function": "职能",
        "before": "转型前",
        "after": "转型后",
        "moved in": "调入",
        "moved out": "调出",
        "hired": "新招",
        "released": "裁减",
        "Phase {number}. {title}": "第{number}阶段　{title}",
        "Service pools: one customer-service queue for each dispatch pool": (
            "客服合池：每个候选池一个客服队列"
        ),
        "Promotion: promotion's accounts and campaigns where the target runs them": (
            "推广：广告账户和推广活动交给目标方案中负责推广的单位"
        ),
        "Support: the group's support unit for new and lagging branches": (
            "支持：集团设支持部门，扶持新开和落后的分公司"
        ),
        "Service to group: the regions' customer-service queues become the group's": (
            "客服归集团：各片区的客服队列并入集团"
        ),
        "Coordination ends: the group's coordination of regional teams ends": (
            "统筹结束：集团不再统筹各片区的团队"
        ),
        "Pooled queues need fewer people for the same service level — the largest saving of "
        "the move — and nothing else has to change first. Each pool dispatches the leads to "
        "its branches by project and workload, so every branch still gets its customers and "
        "the organisation works at the end of the phase.": (
            "合并后的队列用更少的人就能达到同样的服务水平——这是整个转型中最大的一笔节省——"
            "而且不需要先改动别的。每个候选池按项目和工作量把线索分配给池内的分公司，"
            "每家分公司照样拿得到客户，这一阶段结束时组织照常运转。"
        ),
        "One set of ad accounts and campaigns stops branches bidding against each other for "
        "the same searches and runs the accounts once. It needs the service pools in place, "
        "from the first phase or from today, because the leads merged campaigns bring need "
        "the pools' dispatch to reach the branches.": (
            "只保留一套广告账户和推广活动，分公司就不再为同样的搜索词互相竞价，账户也只需运营一次。"
            "这一步要求客服合池已经到位（在第一阶段完成，或者现状就是如此），"
            "因为合并后的推广带来的线索，要靠候选池的分配才能到达各分公司。"
        ),
        "With the pools running, each branch's conversion can be measured against its pool's, "
        "and the support unit trains the new and lagging branches (orgkb support lists them) "
        "in the new way of working.": (
            "候选池运转起来之后，就能拿每家分公司的转化率与其候选池比较；"
            "支持部门按新的工作方式培训新开和落后的分公司（orgkb support 会列出它们）。"
        ),
        "One queue for the whole company saves less than the first pooling did, and takes "
        "each region's knowledge of its branches to the group: it comes last, once dispatch, "
        "promotion and support run.": (
            "全公司只设一个队列，省下的不如第一次合池多，还要把各片区对自己分公司的了解带到集团："
            "所以放在最后，等线索分配、推广和支持都运转起来再做。"
        ),
        "With no regional team left to coordinate and audit, the coordination team is not "
        "needed, and the brand-zone ads and channel tests are now the work of the group's "
        "promotion team. Their people are counted as released, though a company may offer "
        "them places in the group's teams.": (
            "片区团队都没有了，也就无需统筹和审核，统筹团队不再需要；品牌专区和新渠道测试"
            "改由集团的推广团队负责。这些人计为裁减，不过公司也可以在集团的团队里给他们安排岗位。"
        ),
        "{reason} The group is to answer every region, but the pools are the regions first, so "
        "that each queue still knows its region's branches while the rest of the move is "
        "under way.": (
            "{reason}集团最终要承接所有片区，但候选池先按片区设立，"
            "这样在转型的其余步骤进行期间，每个队列仍然熟悉本片区的分公司。"
        ),
        "Why: {reason}": "原因：{reason}",
        "  Rules: {rules}": "  规则：{rules}",
        "none: the article recommends no such move": "无：原文没有建议这样调整",
        "{function}: {people:,} hired for {unit}": "{function}：为{unit} 新招{people:,}人",
        "{function}: {people:,} released from {unit}": "{function}：{unit} 裁减{people:,}人",
        "{function}: {people:,} from {source} to {target}": (
            "{function}：{people:,}人从{source} 调到{target}"
        ),
        "  No one moves: the functions change units without people of their own.": (
            "  没有人员调动：这些职能换了单位，但本身没有专职人员。"
        ),
        "  people: {before:,} → {after:,}": "  人数：{before:,} → {after:,}",
        "Beyond the article: the article says where to end up, not how to get there; the "
        "phases, their order and the costs are ours. Sales is not counted, as in orgkb "
        "compare.": (
            "超出原文：原文只说了组织最终应是什么样，没有说怎样转型过去；"
            "这些阶段、它们的先后顺序和成本测算都是我们补充的。"
            "与 orgkb compare 一样，销售部不计在内。"
        ),
        "Costs: the profile gives no salaries, so the move is not priced.": (
            "成本：公司档案没有给出薪资，因此没有测算转型的成本。"
        ),
        "One-time cost": "一次性成本",
        "severance": "经济补偿",
        "recruitment": "招聘",
        "training": "培训",
        "side by side": "新老并行",
        "total": "合计",
        "{released:,} released × {pay} ({months} a year of service, {years:g} years)": (
            "裁减{released:,}人 × {pay}（每工作一年补偿{months}工资，工作年限{years:g}年）"
        ),
        "{hired:,} hired × {pay}": "新招{hired:,}人 × {pay}",
        "{hired:,} hired × {hire_weeks}, {moved:,} moved × {move_weeks}, on full pay": (
            "新招{hired:,}人 × {hire_weeks}，调动{moved:,}人 × {move_weeks}，培训期间全额发薪"
        ),
        "{released:,} released stay {months} while the new teams start": (
            "裁减的{released:,}人在新团队接手期间留任{months}"
        ),
        "{months:g} month's pay": "{months:g}个月工资",
        "{months:g} months' pay": "{months:g}个月工资",
        "{count:g} month": "{count:g}个月",
        "{count:g} months": "{count:g}个月",
        "{count:g} week": "{count:g}周",
        "{count:g} weeks": "{count:g}周",
        "Labour cost a month: {before:,.0f} before, {after:,.0f} after; saving {saving:,.0f} a "
        "month": ("每月人工成本：转型前{before:,.0f}，转型后{after:,.0f}；每月节省{saving:,.0f}"),
        "Payback: never — the target costs no less a month than today.": (
            "回本：无法回本——目标方案每月的成本不低于现状。"
        ),
        "Payback: {months:.1f} months": "回本：{months:.1f}个月",
        "the move counts people: give every branch inquiries_per_hour or inquiries_per_month": (
            "转型按人数测算：请为每家分公司给出 inquiries_per_hour 或 inquiries_per_month"
        ),
        "unit id": "单位编号",
        "{company}: {branches}": "{company}：{branches}",
        "{company}: {branches}, figures as of {as_of}": "{company}：{branches}，数据截至{as_of}",
        "pool": "候选池",
        "months": "开业月数",
        "rate": "转化率",
        "pool's": "池内其余",
        "p": "p 值",
        "finding": "检验结论",
        "support": "扶持原因",
        "new": "新开",
        "lagging": "落后",
        "not shown to lag": "未显示落后",
        "too few leads to tell": "线索太少，无法判断",
        "no other branch in its pool": "候选池中没有其他分公司",
        "no figures": "没有数据",
        "{needing} of {count} branches need support ({new} new, {lagging} lagging): a support "
        "unit of {staff} {people}, {per:g} branches a person.": (
            "{count}家分公司中有{needing}家需要扶持（新开{new}家，落后{lagging}家）："
            "支持部门{staff}{people}，每人负责{per:g}家分公司。"
        ),
        "Months: full months open. Rate: deals over leads; pool's: the rate of the rest of its "
        "pool, the other branches of its region, which share its dispatch. New: open less "
        "than {new_months} months. Lagging: a rate below the pool's by a one-sided Fisher "
        "exact test, p at most {significance:.2g} ({confidence:.0%} confidence); too few leads "
        "to tell: not even a period without a deal would show it.": (
            "开业月数：已开业的整月数。转化率：成交数除以线索数；池内其余：候选池中其余分公司"
            "（同片区、共用同一套线索分配的其他分公司）的转化率。新开：开业不满{new_months}个月。"
            "落后：经单侧 Fisher 精确检验，转化率低于池内其余分公司，p 值不超过{significance:.2g}"
            "（置信度{confidence:.0%}）；线索太少，无法判断：即使整段时间一单未成，也显示不出落后。"
        ),
        "Beyond the article: it asks for a support unit for new and weak branches and says no "
        "more; these tests and the unit's size are ours.": (
            "超出原文：原文只要求为新开和薄弱的分公司设支持部门，没有多说；"
            "这些检验和支持部门的人数测算都是我们补充的。"
        ),
        "{name!r} gives the date it opened; give the date the figures are as of, to tell "
        "whether it is new": (
            "{name!r}给出了开业日期；请同时给出数据截至的日期（as_of），才能判断它是否新开"
        ),
        "{name!r} opened on {opened}, after the figures' as_of, {as_of}": (
            "{name!r}的开业日期{opened}晚于数据截至日期 as_of（{as_of}）"
        ),
        "deals cannot outnumber the leads they came from": "成交数不能多于带来成交的线索数",
        "{part} cannot be more than {whole}": "{part}不能大于{whole}",
        "project": "项目",
        "mix-adjusted": "结构调整后",
        "mix-adjusted: over the branches where every group has leads ({common}), weighted by "
        "their leads": (
            "结构调整后：只计每个组都有线索的分公司（{common}），按各分公司的线索数加权"
        ),
        "mix-adjusted: over the projects where every group has leads ({common}), weighted by "
        "their leads": ("结构调整后：只计每个组都有线索的项目（{common}），按各项目的线索数加权"),
        "mix-adjusted: no branch has leads of every group, so the groups cannot be scored on "
        "the same mix": (
            "结构调整后：没有哪家分公司同时有每个组的线索，无法按同样的线索结构给各组打分"
        ),
        "mix-adjusted: no project has leads of every group, so the groups cannot be scored on "
        "the same mix": (
            "结构调整后：没有哪个项目同时有每个组的线索，无法按同样的线索结构给各组打分"
        ),
        "a YAML or JSON file of competing groups": "YAML 或 JSON 格式的分组PK文件",
        "key": "键",
        "expected a mapping with 'groups', a list of groups, at the top": (
            "顶层应是包含 'groups'（各组的列表）的映射"
        ),
        "expected a list of groups, got {got}": "应为组的列表，实际为{got}",
        "expected a group with a name, got {got}": "应为有名称的组，实际为{got}",
        "expected the group's name, got {got}": "应为组的名称，实际为{got}",
        "{name} is already a group's name": "已有一个组名为{name}",
        "expected a list, got {got}": "应为列表，实际为{got}",
        "group {name!r} owns both projects and branches; choose one": (
            "组{name!r}同时分了项目和分公司，只能选其一"
        ),
        "some groups own projects and others branches; choose one for all": (
            "有的组按项目分，有的组按分公司分；所有组只能用同一种分法"
        ),
        "branch {item!r} belongs to both {first!r} and {second!r}": (
            "分公司{item!r}同时属于{first!r}和{second!r}"
        ),
        "project {item!r} belongs to both {first!r} and {second!r}": (
            "项目{item!r}同时属于{first!r}和{second!r}"
        ),
        "the header has no 'project' column: give the leads file that was dispatched "
        "(--leads), for each lead's project": (
            "表头没有 'project' 列：请用 --leads 给出当初分配的线索文件，以得知每条线索的项目"
        ),
        "the lead {lead} is not the next row of the leads file (no more leads): give the "
        "assignments allocate wrote for that file, in its order": (
            "线索{lead}不是线索文件的下一行（线索文件已经没有更多的行）："
            "请给出 allocate 为那个文件写出的分配结果，顺序不变"
        ),
        "the lead {lead} is not the next row of the leads file ({next}): give the assignments "
        "allocate wrote for that file, in its order": (
            "线索{lead}不是线索文件的下一行（下一行是{next}）："
            "请给出 allocate 为那个文件写出的分配结果，顺序不变"
        ),
    }
)
"""The Chinese template of every English template, keyed by the English."""
