"""orgkb: how to organise a company's online-marketing system, as a library.

Load a company profile, see which of the article's scenarios it is in, and get the
organisation the article recommends, with the rules that shaped it::

    >>> import orgkb
    >>> company = orgkb.Company("Duo", (orgkb.Branch("A", "Wuhan"), orgkb.Branch("B", "Wuhan")))
    >>> orgkb.recommend(company).scenario
    <Scenario.ONE_REGION: 'one-region'>
"""

from orgkb.errors import InputError, OrgkbError
from orgkb.model import Branch, Company, Function, Level
from orgkb.plan import Governance, Plan, Scenario, Unit, classify, recommend
from orgkb.profile import load_company
from orgkb.render import plan_as_text
from orgkb.rules import RULES, Rule, rule

__version__ = "0.1.0"

__all__ = [
    "RULES",
    "Branch",
    "Company",
    "Function",
    "Governance",
    "InputError",
    "Level",
    "OrgkbError",
    "Plan",
    "Rule",
    "Scenario",
    "Unit",
    "__version__",
    "classify",
    "load_company",
    "plan_as_text",
    "recommend",
    "rule",
]
