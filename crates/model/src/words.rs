//! What the enums of the rule data are called: the contract's key (as serde writes it) and the
//! words the page, `explain` and a plan's changes use, in Chinese and English.
use crate::model::{CapScope, Kind, Status};

impl Kind {
    /// Every kind (a test checks `key` against serde's names).
    pub const ALL: [Kind; 6] = [
        Kind::Exact,
        Kind::UpTo,
        Kind::Range,
        Kind::Unspecified,
        Kind::CaseByCase,
        Kind::NotEligible,
    ];

    /// The contract's name of the kind (`"up_to"`), as serde writes it, without serialising.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::UpTo => "up_to",
            Kind::Range => "range",
            Kind::Unspecified => "unspecified",
            Kind::CaseByCase => "case_by_case",
            Kind::NotEligible => "not_eligible",
        }
    }

    /// What the figure means, as the page, `explain` and a plan's changes say it.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Exact => "确定金额",
            Kind::UpTo => "最高可得",
            Kind::Range => "区间",
            Kind::Unspecified => "金额待定",
            Kind::CaseByCase => "一事一议",
            Kind::NotEligible => "不符合条件",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Kind::Exact => "exact amount",
            Kind::UpTo => "up to",
            Kind::Range => "range",
            Kind::Unspecified => "amount to be set",
            Kind::CaseByCase => "case by case",
            Kind::NotEligible => "not eligible",
        }
    }
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::InForce => "in_force",
            Status::Draft => "draft",
            Status::Expired => "expired",
            Status::NotYet => "not_yet",
            Status::DatesNotGiven => "dates_not_given",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Status::InForce => "现行有效",
            Status::Draft => "征求意见稿",
            Status::Expired => "已过期",
            Status::NotYet => "尚未施行",
            Status::DatesNotGiven => "日期未载明",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Status::InForce => "in force",
            Status::Draft => "DRAFT for comment",
            Status::Expired => "expired",
            Status::NotYet => "not yet in force",
            Status::DatesNotGiven => "dates not given",
        }
    }
}

impl CapScope {
    /// The scope's name in the rule files (and a reform's `cap.<scope>`), as serde reads it.
    pub fn key(self) -> &'static str {
        match self {
            CapScope::PerProject => "per_project",
            CapScope::PerEnterprisePerYear => "per_enterprise_per_year",
            CapScope::PerYear => "per_year",
            CapScope::OneTime => "one_time",
            CapScope::OverThreeYears => "over_three_years",
            CapScope::PerModel => "per_model",
            CapScope::PerEvent => "per_event",
            CapScope::Band => "band",
            CapScope::InterestShare => "interest_share",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            CapScope::PerProject => "per project",
            CapScope::PerEnterprisePerYear => "per enterprise per year",
            CapScope::PerYear => "per year",
            CapScope::OneTime => "one-time",
            CapScope::OverThreeYears => "over three years",
            CapScope::PerModel => "per model",
            CapScope::PerEvent => "per event",
            CapScope::Band => "band maximum",
            CapScope::InterestShare => "share of interest paid",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            CapScope::PerProject => "单个项目上限",
            CapScope::PerEnterprisePerYear => "每家企业每年上限",
            CapScope::PerYear => "每年上限",
            CapScope::OneTime => "一次性上限",
            CapScope::OverThreeYears => "三年累计上限",
            CapScope::PerModel => "单个模型上限",
            CapScope::PerEvent => "单个活动上限",
            CapScope::Band => "所在档位上限",
            CapScope::InterestShare => "不超过所付利息的比例",
        }
    }
}
