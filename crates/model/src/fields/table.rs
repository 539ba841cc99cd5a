//! The input fields' table (data: one entry per field, with its path, type and labels), the facts
//! derived from them, and the labels of choices. The types and lookups are in `fields/mod.rs`.
use super::Ty::*;
use super::{Derived, Field, f};
use rust_decimal::Decimal;

pub const RECOGNITIONS: &[&str] = &[
    "little_giant",
    "unicorn",
    "high_tech",
    "single_champion",
    "hidden_champion",
];

/// Every enterprise-level input. `other.*` holds the clauses outside the four core families.
pub const FIELDS: &[Field] = &[
    f("enterprise.sme", Flag, "中小企业", "SME (中小企业)"),
    f(
        "enterprise.foundation_model_developer",
        Flag,
        "生成式多模态基础大模型企业",
        "generative multimodal foundation-model enterprise",
    ),
    f(
        "enterprise.first_recognitions",
        Set(RECOGNITIONS),
        "首次认定",
        "first recognitions",
    ),
    f(
        "compute.maas_on_filed_model_fees",
        Money,
        "依托已备案基础大模型的MaaS/智能体算力合同费用",
        "compute fees for MaaS / agents on a filed foundation model",
    ),
    f(
        "compute.domestic_fees",
        Money,
        "国产算力合同费用",
        "domestic (国产) compute fees",
    ),
    f(
        "compute.other_fees",
        Money,
        "其他算力合同费用",
        "other compute fees",
    ),
    f(
        "compute.years_subsidized_before",
        Count(100),
        "已享受算力补贴年数",
        "years already subsidised",
    ),
    f(
        "compute.model_purchase_fees",
        Money,
        "模型采购费用",
        "model purchase fees",
    ),
    f(
        "model_filing.models_filed",
        Count(1000),
        "通过备案的模型数",
        "models filed",
    ),
    f(
        "model_filing.evaluation_costs",
        Money,
        "模型评测等相关费用",
        "evaluation and related costs",
    ),
    f(
        "model_filing.awarded_before",
        Flag,
        "已获备案一次性奖励",
        "filing award received before",
    ),
    f(
        "models.vertical_model.selected",
        Flag,
        "垂直行业模型入选市级评选",
        "vertical model selected by the city",
    ),
    f(
        "models.vertical_model.rd_cost",
        Money,
        "垂直行业模型研发成本",
        "vertical model R&D cost",
    ),
    f(
        "models.vertical_model.local_compute_fees",
        Money,
        "使用本地算力服务费",
        "local compute service fees",
    ),
    f(
        "models.vertical_model.compute_award_received",
        Money,
        "已获本地算力补助",
        "local compute award already received",
    ),
    f(
        "models.vertical_model.compute_years_before",
        Count(100),
        "已享受本地算力补助年数",
        "years of local compute support received",
    ),
    f(
        "models.large_model.kind",
        Choice(&["general", "industry"]),
        "大模型类型",
        "large model kind",
    ),
    f(
        "models.large_model.parameters",
        Count(1_000_000_000_000_000),
        "参数量",
        "parameters",
    ),
    f(
        "listing.venue",
        Choice(&["none", "sse", "szse", "bse", "overseas_mou"]),
        "上市地",
        "listing venue",
    ),
    f(
        "listing.stage",
        Choice(&["none", "tutoring", "filed", "listed"]),
        "上市阶段",
        "listing stage",
    ),
    f(
        "listing.proceeds_invested_locally_percent",
        Percent,
        "募集资金投放本市比例",
        "share of proceeds invested locally",
    ),
    f(
        "other.national_project_funding_received",
        Amounts,
        "国家、省实际到账资助经费(每个项目)",
        "national / provincial funding received (per project)",
    ),
    f(
        "other.compute_infra.in_government_layout",
        Flag,
        "纳入政府统一布局的新建算力基础设施项目",
        "new compute-infrastructure project in the government layout",
    ),
    f(
        "other.compute_infra.total_investment",
        Money,
        "算力基础设施项目总投资",
        "compute-infrastructure total investment",
    ),
    f(
        "other.compute_infra.loan_amount",
        Money,
        "合作银行贷款金额",
        "partner-bank loan",
    ),
    f(
        "other.compute_infra.interest_paid",
        Money,
        "支付给合作银行的利息",
        "interest paid to the partner bank",
    ),
    f(
        "other.innovation_center.recognized",
        Flag,
        "经认定的未来产业市级制造业创新中心",
        "recognised municipal manufacturing innovation centre",
    ),
    f(
        "other.innovation_center.core_team",
        Flag,
        "有核心带头人的研发团队",
        "R&D team with a core leader",
    ),
    f(
        "other.innovation_center.investment",
        Money,
        "创新中心投入(累计)",
        "innovation centre investment (in all)",
    ),
    f(
        "other.innovation_center.year_investment",
        Money,
        "当年审核确定投入",
        "this year's verified investment",
    ),
    f(
        "other.innovation_center.years_supported_before",
        Count(100),
        "已获资助年数",
        "years supported before",
    ),
    f(
        "other.open_source_top10",
        Flag,
        "入选模型开源贡献前10家",
        "among the top-ten open-source contributors",
    ),
    f(
        "other.key_tech.major_project",
        Flag,
        "承担市科技重大专项",
        "city major S&T project",
    ),
    f(
        "other.key_tech.key_rd_plan_project",
        Flag,
        "市重点研发计划人工智能项目",
        "AI project in the city key R&D plan",
    ),
    f(
        "other.supercomputing_center.provincial_subsidy",
        Money,
        "超(智)算中心获省级补贴金额",
        "provincial subsidy received by the computing centre",
    ),
    f(
        "other.public_platform",
        Flag,
        "人工智能公共服务平台",
        "AI public service platform",
    ),
    f(
        "other.pilot_platform",
        Flag,
        "人工智能中试平台",
        "AI pilot platform",
    ),
    f(
        "other.jiebang_winner_landed",
        Flag,
        "国家揭榜挂帅优胜且成果在汉落地",
        "national open-challenge (揭榜挂帅) winner landed in Wuhan",
    ),
    f(
        "other.core_park.city_core_park",
        Flag,
        "市级人工智能核心产业园区",
        "city core AI park",
    ),
    f(
        "other.core_park.first_selected",
        Flag,
        "首次入选",
        "first selected",
    ),
    f(
        "other.core_park.operator",
        Flag,
        "园区运营主体",
        "park operator",
    ),
    f(
        "other.core_park.years_awarded_before",
        Count(100),
        "园区已获奖励年数",
        "years the park was awarded before",
    ),
    f(
        "other.core_park.district_core_park_or_building",
        Flag,
        "区认定核心园区或楼宇",
        "district core park or building",
    ),
    f(
        "other.cluster_final_winner",
        Flag,
        "国家先进制造业集群竞赛决赛获胜",
        "won the national cluster final",
    ),
    f(
        "other.event.national_or_international",
        Flag,
        "国家级、国际性活动",
        "national or international event",
    ),
    f(
        "other.event.registered",
        Flag,
        "活动经事前认定备案/报备审核",
        "event registered in advance",
    ),
    f(
        "other.event.cost",
        Amounts,
        "活动费用(每个活动)",
        "event cost (per event)",
    ),
    f(
        "other.event.count",
        Count(1000),
        "活动个数",
        "number of events",
    ),
    f(
        "other.event.enterprises_introduced",
        Count(10_000),
        "活动引进优质企业数",
        "enterprises brought in",
    ),
    f(
        "other.event.all_three_conditions",
        Flag,
        "同时满足3个支持条件",
        "all three conditions met",
    ),
    f(
        "other.innovation_platform",
        Flag,
        "建设重点实验室等创新平台",
        "key lab or similar platform",
    ),
    f(
        "other.bogaitou_team",
        Flag,
        "参与“拨改投”的科技创新团队",
        "grant-to-equity (拨改投) research team",
    ),
    f(
        "other.incubator.builder",
        Flag,
        "建设人工智能产业孵化器",
        "builds an AI incubator",
    ),
    f(
        "other.incubator.site_area_m2",
        Count(100_000_000),
        "孵化场地面积(平方米)",
        "incubator site area (m²)",
    ),
    f(
        "other.incubator.enterprises",
        Count(1_000_000),
        "入孵企业数",
        "incubated enterprises",
    ),
    f(
        "other.incubator.in_city_core_park",
        Flag,
        "位于市级人工智能核心产业园区",
        "inside a city core AI park",
    ),
    f(
        "other.incubator.seed_unicorns",
        Count(100_000),
        "种子独角兽企业数",
        "seed unicorns",
    ),
    f(
        "other.incubator.linked_compute_pflops",
        Count(100_000_000),
        "链接算力(P)",
        "linked compute (P)",
    ),
    f(
        "other.incubator.datasets",
        Count(100_000),
        "高质量数据集个数",
        "high-quality datasets",
    ),
    f(
        "other.dataset.completed_projects",
        Count(1000),
        "完成并通过评审的省市数据集专项数",
        "dataset projects completed and reviewed",
    ),
    f(
        "other.dataset.level",
        Choice(&["none", "city", "provincial", "national"]),
        "数据集认定级别",
        "dataset recognition level",
    ),
    f(
        "other.first_version_software.level",
        Choice(&["none", "provincial", "national"]),
        "首版次软件目录级别",
        "first-version software catalogue level",
    ),
    f(
        "other.first_version_software.previous_level",
        Choice(&["none", "provincial", "national"]),
        "此前已获首版次奖励级别",
        "level already awarded",
    ),
    f(
        "other.developer_platform",
        Flag,
        "开源开发者服务平台运营主体",
        "open developer platform operator",
    ),
    f(
        "other.data_fees",
        Money,
        "购买数据费用",
        "data purchase fees",
    ),
    f(
        "other.embodied.first_unit_rd_investment",
        Money,
        "具身智能首台套经审计研发投入",
        "embodied first unit: audited R&D",
    ),
    f(
        "other.embodied.os_investment",
        Money,
        "具身智能操作系统实际投入",
        "embodied OS: actual investment",
    ),
    f(
        "other.embodied.os_user_enterprises",
        Count(1_000_000),
        "操作系统应用企业数",
        "enterprises using the OS",
    ),
    f(
        "other.key_tech.national_project_lead",
        Flag,
        "牵头承担人工智能领域国家科技重大专项、国家重点研发计划等项目",
        "leads a national major S&T project or national key R&D programme project in AI",
    ),
    f(
        "other.key_tech.plan_project_lead",
        Flag,
        "牵头承担人工智能领域国家、省、市科技计划项目",
        "leads a national, provincial or city S&T plan project in AI",
    ),
    f(
        "other.jiebang.joint",
        Flag,
        "联合高校院所开展人工智能科技成果“揭榜挂帅”",
        "takes on an open challenge (揭榜挂帅) with universities or institutes",
    ),
    f(
        "other.jiebang.national_winner_lead",
        Flag,
        "国家人工智能领域揭榜优胜单位的牵头单位",
        "lead unit of a national AI open-challenge winner (揭榜优胜单位)",
    ),
    f(
        "other.data_labeling_business",
        Flag,
        "开展数据标注业务",
        "runs a data-labelling business",
    ),
    f(
        "other.innovation_platform_city_recognized",
        Flag,
        "产学研协同创新平台、中试平台等获得市级认定",
        "joint innovation / pilot platform recognised by the city",
    ),
    f(
        "other.tech_loan_approved",
        Flag,
        "获批科创贷",
        "科创贷 (tech-innovation loan) approved",
    ),
    f(
        "other.shanghai.hq_first_purchase",
        Flag,
        "首次购置总部自用办公用房",
        "first purchase of headquarters office space for own use",
    ),
    f(
        "other.shanghai.hq_rent",
        Flag,
        "租用总部办公用房",
        "rents headquarters office space",
    ),
    f(
        "other.shanghai.agriculture_project_investment",
        Amounts,
        "重大涉农项目投资(经立项评估,每个项目)",
        "major agricultural project investment (assessed, per project)",
    ),
    f(
        "other.shanghai.tech_transfer_projects",
        Count(1000),
        "经认定的高新技术成果转化项目数(有效期内)",
        "recognised high-tech achievement transformation projects (within validity)",
    ),
    f(
        "other.shanghai.ic_project_investment",
        Amounts,
        "集成电路装备材料重大项目或EDA等高端软件项目投资(每个项目)",
        "IC equipment / materials or EDA-type software project investment (per project)",
    ),
    f(
        "other.shanghai.biomed_rd_projects",
        Count(1000),
        "创新药械研发项目数",
        "innovative drug / device R&D projects",
    ),
    f(
        "other.shanghai.biomed_platform_projects",
        Count(1000),
        "生物医药核心技术攻关、关键专业化服务平台或重大产品产业化项目数",
        "biomedicine core-technology, key platform or industrialisation projects",
    ),
    f(
        "other.shanghai.smart_terminal_investment",
        Amounts,
        "智能终端项目投资(每个项目)",
        "smart-terminal project investment (per project)",
    ),
    f(
        "other.shanghai.fuel_cell_component_kinds",
        Count(1000),
        "燃料电池关键零部件产品种类数",
        "kinds of fuel-cell key component",
    ),
    f(
        "other.shanghai.green_projects",
        Count(1000),
        "绿色低碳项目数",
        "green and low-carbon projects",
    ),
    f(
        "other.shanghai.offshore_wind_projects",
        Count(1000),
        "海上风电项目数",
        "offshore wind projects",
    ),
    f(
        "other.shanghai.strategic_project_investment",
        Amounts,
        "战略性新兴产业项目投资(每个项目)",
        "strategic project investment (per project)",
    ),
    f(
        "other.shanghai.manufacturing_project_investment",
        Amounts,
        "先进制造业项目投资(每个项目)",
        "advanced-manufacturing project investment (per project)",
    ),
    f(
        "other.shanghai.service_project_investment",
        Amounts,
        "专业服务项目总投资(每个项目)",
        "professional-service project investment (per project)",
    ),
    f(
        "other.shanghai.expansion_loan_interest",
        Amounts,
        "增资扩产当年贷款利息(每个贷款项目)",
        "expansion loan interest this year (per loan project)",
    ),
    f(
        "other.shanghai.leasing_equipment_investment",
        Amounts,
        "融资租赁合同设备投资额(每个租赁项目)",
        "leased equipment value (per lease project)",
    ),
    f(
        "other.shanghai.first_version_sales_contract",
        Amounts,
        "首台套/首批次/首版次销售合同额(每个项目)",
        "first-version sales contract (per project)",
    ),
    f(
        "other.shanghai.ai_key_tech_investment",
        Amounts,
        "人工智能关键技术项目投资(每个项目)",
        "AI key-technology project investment (per project)",
    ),
    f(
        "other.shanghai.digital_economy_investment",
        Amounts,
        "数字经济标杆项目投资(每个项目)",
        "digital-economy project investment (per project)",
    ),
    f(
        "other.shanghai.metaverse_investment",
        Amounts,
        "元宇宙项目投资(每个项目)",
        "metaverse project investment (per project)",
    ),
    f(
        "other.hangzhou_call.manufacturer",
        Flag,
        "制造业企业",
        "manufacturing enterprise",
    ),
    f(
        "other.hangzhou_call.little_giant_or_specialized",
        Flag,
        "国家级“小巨人”或省级“专精特新”",
        "national little giant or provincial specialised",
    ),
    f(
        "other.hangzhou_call.project_start",
        Day,
        "技改项目开工(立项备案)日期",
        "project start (filing) date",
    ),
    f(
        "other.hangzhou_call.tech_renovation_investment",
        Money,
        "技改实际投资额",
        "tech-renovation actual investment",
    ),
    f(
        "other.hangzhou_call.revenue_2023",
        Money,
        "2023年营收",
        "2023 revenue",
    ),
    f(
        "other.hangzhou_call.revenue_growth_percent",
        Growth,
        "营收增速(%)",
        "revenue growth (%)",
    ),
    f(
        "other.hangzhou_call.rd_share_percent",
        Percent,
        "研发投入占营收比例(%)",
        "R&D share of revenue (%)",
    ),
];

/// The fields of one entry of `scenarios`.
pub const SCENARIO_FIELDS: &[Field] = &[
    f("name", Text, "项目名称", "project name"),
    f(
        "city_selected",
        Flag,
        "经市级遴选入选(市级示范场景)",
        "selected by the CITY",
    ),
    f(
        "district_selected",
        Flag,
        "经区级遴选入选或获区级支持",
        "selected or supported by the DISTRICT",
    ),
    f("total_investment", Money, "项目总投入", "total investment"),
    f("rd_investment", Money, "项目研发投入", "R&D investment"),
    f(
        "manufacturing_first_application",
        Flag,
        "制造业首次应用",
        "first manufacturing application",
    ),
];

fn sum(x: &[Decimal]) -> Decimal {
    x.iter().sum()
}

/// x[0] / x[1], exact (Decimal division); 0 when there is nothing to divide by.
fn ratio(x: &[Decimal]) -> Decimal {
    if x[1].is_zero() {
        Decimal::ZERO
    } else {
        x[0] / x[1]
    }
}

pub const DERIVED: &[Derived] = &[
    Derived {
        field: f(
            "compute.contract_fees",
            Money,
            "算力合同费用合计",
            "compute contract fees, all kinds",
        ),
        from: &[
            "compute.maas_on_filed_model_fees",
            "compute.domestic_fees",
            "compute.other_fees",
        ],
        compute: sum,
    },
    Derived {
        field: f(
            "other.incubator.area_per_enterprise_m2",
            Measure,
            "户均面积(平方米)",
            "area per enterprise (m²)",
        ),
        from: &[
            "other.incubator.site_area_m2",
            "other.incubator.enterprises",
        ],
        compute: ratio,
    },
];

/// Display names of choice values: (value, 中文, English).
pub const CHOICE_LABELS: &[(&str, &str, &str)] = &[
    ("none", "无", "none"),
    ("general", "通用大模型", "general model"),
    ("industry", "行业大模型", "industry model"),
    ("sse", "上海证券交易所", "Shanghai Stock Exchange"),
    ("szse", "深圳证券交易所", "Shenzhen Stock Exchange"),
    ("bse", "北京证券交易所", "Beijing Stock Exchange"),
    (
        "overseas_mou",
        "境外(与证监会签署备忘录的国家或地区)",
        "abroad (CSRC memorandum exchange)",
    ),
    ("tutoring", "报辅(辅导备案)", "tutoring filed (报辅)"),
    (
        "filed",
        "报会报审(申报受理)",
        "application filed (报会报审)",
    ),
    ("listed", "成功上市", "listed"),
    ("city", "市级", "city"),
    ("provincial", "省级", "provincial"),
    ("national", "国家级", "national"),
    (
        "little_giant",
        "国家专精特新“小巨人”",
        "national little giant (专精特新: specialised, refined, distinctive and innovative)",
    ),
    ("unicorn", "独角兽企业", "unicorn"),
    (
        "high_tech",
        "国家高新技术企业",
        "national high-tech enterprise",
    ),
    (
        "single_champion",
        "制造业“单项冠军”企业",
        "manufacturing single champion (单项冠军)",
    ),
    (
        "hidden_champion",
        "省“隐形冠军”企业",
        "provincial hidden champion (隐形冠军)",
    ),
];
