namespace InvestmentCrm.Auditing;

/// <summary>What an id in a changed field points at, so the log can name it.</summary>
internal enum AuditReference
{
    None,
    User,
    Department,
    Company,
    Project,
    Role,
    Campaign,
    RuleSet,
}

/// <summary>
/// The audit log in the words of the forms (docs/security.md, "Audit"): every audited record type and field has its
/// Chinese name here — `AuditVocabularyTests` fails for a new field without one — and each id field says what it
/// names, so the log reads 招引单位：商务局 → 开发区招商局 instead of a GUID.
/// </summary>
public static class AuditVocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>
    {
        ["Project"] = "招商项目", ["ProjectStageTransition"] = "阶段变更", ["ProjectContributor"] = "项目贡献人", ["ProjectCompany"] = "项目关联企业",
        ["ProjectMilestone"] = "里程碑", ["ProjectYearFlag"] = "年度标记", ["Contract"] = "合同/协议", ["FundsTranche"] = "到位资金",
        ["LandingEvidence"] = "落位凭证", ["Activity"] = "走访洽谈", ["ActivityParticipant"] = "走访参与人", ["Attachment"] = "附件",
        ["Company"] = "企业", ["CompanyContact"] = "企业联系人", ["Department"] = "部门", ["AppUser"] = "用户", ["AppRole"] = "角色",
        ["RoleDepartment"] = "角色数据范围", ["IdentityUserRole`1"] = "用户角色", ["IdentityRoleClaim`1"] = "角色权限", ["IdentityUserClaim`1"] = "用户声明",
        ["Target"] = "指标", ["Campaign"] = "攻坚行动", ["ExchangeRate"] = "汇率", ["FigureRules"] = "年度口径", ["SystemSetting"] = "系统设置",
        ["AppraisalRuleSet"] = "考核方案", ["AppraisalItem"] = "考核评分项", ["AppraisalRun"] = "考核计算", ["AppraisalScore"] = "考核得分",
        ["AppraisalLine"] = "考核得分明细", ["AppraisalEvidence"] = "考核依据", ["FundsReview"] = "到位资金复核", ["PlanBaseline"] = "规划期实绩",
        ["AdministratorAccountChange"] = "管理员账号变更", ["ApiToken"] = "接口令牌",
        ["ConstructionEvent"] = "建设状态", ["ProjectInvestment"] = "年度投资", ["DispatchPhaseTransition"] = "调度环节变更", ["ApprovalItem"] = "前期审批手续",
        ["ProjectIssue"] = "项目问题", ["ProjectIssueStep"] = "问题办理记录", ["IssueCategoryRoute"] = "问题交办规则", ["IssueKeyword"] = "问题分类关键词",
        ["GreenChannelService"] = "绿色通道服务", ["DispatchMeeting"] = "调度会", ["MeetingAgendaItem"] = "调度会议题", ["MeetingDecision"] = "调度会决定事项", ["MeetingLinkedIssue"] = "专题调度会关联问题", ["MeetingAttendee"] = "调度会参会人员",
    };

    /// <summary>Field names shared by many records.</summary>
    private static readonly Dictionary<string, string> Common = new()
    {
        ["Id"] = "编号", ["Name"] = "名称", ["ProjectId"] = "项目", ["CompanyId"] = "企业", ["UserId"] = "人员", ["DepartmentId"] = "部门",
        ["RoleId"] = "角色", ["Kind"] = "类别", ["Year"] = "年度", ["Month"] = "月份", ["Note"] = "备注", ["Title"] = "标题",
        ["IsDeleted"] = "已删除", ["DeletedAt"] = "删除时间", ["DeletedBy"] = "删除人", ["IsActive"] = "启用", ["SortOrder"] = "排序",
        ["Subject"] = "考核对象类型", ["SubjectId"] = "考核对象", ["Metric"] = "指标", ["RunId"] = "考核计算", ["RuleSetId"] = "考核方案",
        ["Points"] = "分值", ["Currency"] = "币种", ["Date"] = "日期", ["Role"] = "角色", ["CorrectionNote"] = "更正说明",
    };

    private static readonly Dictionary<(string Entity, string Field), string> Fields = new()
    {
        [("Project", "Aliases")] = "别名", [("Project", "DepartmentSecretaryId")] = "部门秘书", [("Project", "DispatchPhase")] = "调度环节",
        [("Project", "Industry")] = "产业", [("Project", "IsGreenChannel")] = "绿色通道", [("Project", "LeadDepartmentId")] = "招引单位",
        [("Project", "LocalSecretaryId")] = "属地秘书", [("Project", "Name")] = "项目名称", [("Project", "ReferrerCompanyId")] = "引荐中介",
        [("Project", "ReferrerName")] = "引荐人", [("Project", "ResponsibleLeaderId")] = "包保领导", [("Project", "SourceChannel")] = "招商渠道",
        [("Project", "Stage")] = "阶段", [("Project", "TargetLocation")] = "拟落位区域", [("Project", "Type")] = "项目类型",
        [("Project", "PlannedDomestic.Amount")] = "计划内资（元）", [("Project", "PlannedDomestic.Currency")] = "计划内资币种",
        [("Project", "PlannedForeign.Amount")] = "计划外资", [("Project", "PlannedForeign.Currency")] = "计划外资币种",
        [("ProjectStageTransition", "EffectiveDate")] = "生效日期", [("ProjectStageTransition", "FromStage")] = "原阶段",
        [("ProjectStageTransition", "ToStage")] = "新阶段", [("ProjectStageTransition", "IsOverride")] = "越级/回退",
        [("ProjectStageTransition", "Reason")] = "理由", [("ProjectStageTransition", "RecordedAt")] = "登记时间",
        [("ProjectStageTransition", "RecordedBy")] = "登记人",
        [("ProjectContributor", "Role")] = "贡献角色", [("ProjectContributor", "WeightPercent")] = "权重（%）",
        [("ProjectCompany", "Role")] = "企业角色",
        [("ProjectMilestone", "ActualDate")] = "实际完成日期", [("ProjectMilestone", "Phase")] = "调度环节", [("ProjectMilestone", "PlannedDate")] = "计划日期",
        [("ProjectMilestone", "Title")] = "里程碑名称",
        [("ProjectYearFlag", "IsContinuing")] = "续建项目", [("ProjectYearFlag", "IsKeyProject")] = "重点项目",
        [("Contract", "AgreedLandingDate")] = "约定落位日期", [("Contract", "AgreedOperationDate")] = "约定投产日期",
        [("Contract", "AgreedStartDate")] = "约定开工日期", [("Contract", "FundingSchedule")] = "资金到位计划", [("Contract", "Kind")] = "合同类别",
        [("Contract", "Number")] = "合同编号", [("Contract", "Occasion")] = "签约场合", [("Contract", "Parties")] = "签约各方",
        [("Contract", "SignedOn")] = "签约日期", [("Contract", "ContractedDomestic.Amount")] = "合同内资（元）",
        [("Contract", "ContractedDomestic.Currency")] = "合同内资币种", [("Contract", "ContractedForeign.Amount")] = "合同外资",
        [("Contract", "ContractedForeign.Currency")] = "合同外资币种",
        [("FundsTranche", "ArrivedOn")] = "到位日期", [("FundsTranche", "Evidence")] = "凭证", [("FundsTranche", "Form")] = "形态",
        [("FundsTranche", "Source")] = "来源", [("FundsTranche", "Verification")] = "认定状态", [("FundsTranche", "VerificationNote")] = "认定意见",
        [("FundsTranche", "VerifiedBy")] = "认定人", [("FundsTranche", "VerifiedOn")] = "认定日期", [("FundsTranche", "Amount.Amount")] = "金额",
        [("FundsTranche", "Amount.Currency")] = "币种",
        [("LandingEvidence", "Date")] = "凭证日期", [("LandingEvidence", "DocumentNumber")] = "凭证编号", [("LandingEvidence", "Kind")] = "凭证类别",
        [("Activity", "Carrier")] = "载体", [("Activity", "Date")] = "日期", [("Activity", "ExternalParticipants")] = "对方参与人",
        [("Activity", "NextStep")] = "下一步", [("Activity", "NextStepDue")] = "下一步期限", [("Activity", "Outcome")] = "结果",
        [("Activity", "OwnerDepartmentId")] = "登记部门", [("Activity", "FollowUpDoneOn")] = "办结日期", [("Activity", "FollowUpOutcome")] = "办理结果", [("Activity", "Summary")] = "内容", [("Activity", "Type")] = "类型",
        [("ActivityParticipant", "ActivityId")] = "走访记录", [("ActivityParticipant", "UserId")] = "参与人",
        [("Attachment", "Category")] = "附件类别", [("Attachment", "ContentType")] = "文件类型", [("Attachment", "FileName")] = "文件名",
        [("Attachment", "Sha256")] = "校验值", [("Attachment", "SizeBytes")] = "大小（字节）", [("Attachment", "StoredName")] = "存储名",
        [("Company", "Address")] = "地址", [("Company", "Aliases")] = "别名", [("Company", "BlacklistReason")] = "黑名单原因",
        [("Company", "BlacklistedOn")] = "列入黑名单日期", [("Company", "BusinessScope")] = "经营范围", [("Company", "CreditCode")] = "统一社会信用代码",
        [("Company", "Industry")] = "产业", [("Company", "IsBlacklisted")] = "黑名单", [("Company", "IsStrategicInvestor")] = "战略投资者",
        [("Company", "Kind")] = "企业类别", [("Company", "LegalPerson")] = "法定代表人", [("Company", "MergedIntoId")] = "合并到",
        [("Company", "Name")] = "企业名称", [("Company", "Nature")] = "性质", [("Company", "Notes")] = "备注", [("Company", "Origin")] = "来源地",
        [("Company", "OwnerDepartmentId")] = "登记部门", [("Company", "ParentCompanyId")] = "母公司",
        [("Company", "RegisteredCapitalAmount")] = "注册资本", [("Company", "RegisteredCapitalCurrency")] = "注册资本币种", [("Company", "Tags")] = "标签",
        [("CompanyContact", "Email")] = "邮箱", [("CompanyContact", "Name")] = "姓名", [("CompanyContact", "Phone")] = "电话", [("CompanyContact", "Title")] = "职务",
        [("Department", "Code")] = "编码", [("Department", "Kind")] = "部门类型", [("Department", "Name")] = "部门名称", [("Department", "ParentId")] = "上级部门",
        [("AppUser", "AccessFailedCount")] = "连续登录失败次数", [("AppUser", "DepartmentId")] = "所属部门", [("AppUser", "DisplayName")] = "姓名",
        [("AppUser", "Email")] = "邮箱", [("AppUser", "EmailConfirmed")] = "邮箱已确认", [("AppUser", "IsActive")] = "启用",
        [("AppUser", "LockoutEnabled")] = "允许锁定", [("AppUser", "LockoutEnd")] = "锁定至", [("AppUser", "MustChangePassword")] = "须修改密码",
        [("AppUser", "NormalizedEmail")] = "邮箱（规范化）", [("AppUser", "NormalizedUserName")] = "用户名（规范化）",
        [("AppUser", "PasswordChangedAt")] = "密码修改时间", [("AppUser", "PhoneNumber")] = "电话", [("AppUser", "PhoneNumberConfirmed")] = "电话已确认",
        [("AppUser", "IsIntegration")] = "集成账号",
        [("ApiToken", "AccountId")] = "集成账号", [("ApiToken", "Prefix")] = "令牌前缀", [("ApiToken", "ExpiresOn")] = "有效期至",
        [("ApiToken", "PermitsPerMinute")] = "每分钟调用上限", [("ApiToken", "RevokedAt")] = "吊销时间", [("ApiToken", "RevokedBy")] = "吊销人",
        [("ApiToken", "LastUsedAt")] = "最近使用时间", [("ApiToken", "LastUsedFrom")] = "最近使用地址",
        [("AppUser", "Title")] = "职务", [("AppUser", "TwoFactorEnabled")] = "双因素认证", [("AppUser", "UserName")] = "用户名",
        [("AppRole", "DataScope")] = "数据范围", [("AppRole", "DisplayName")] = "角色名称", [("AppRole", "Name")] = "角色代码",
        [("AppRole", "NormalizedName")] = "角色代码（规范化）",
        [("IdentityRoleClaim`1", "ClaimType")] = "权限类型", [("IdentityRoleClaim`1", "ClaimValue")] = "权限",
        [("IdentityUserClaim`1", "ClaimType")] = "声明类型", [("IdentityUserClaim`1", "ClaimValue")] = "声明值",
        [("Target", "CampaignId")] = "攻坚行动", [("Target", "Metric")] = "指标", [("Target", "ParentTargetId")] = "上级指标",
        [("Target", "PeriodEnd")] = "期间结束", [("Target", "PeriodKind")] = "期间类型", [("Target", "PeriodStart")] = "期间开始",
        [("Target", "Scope")] = "指标范围", [("Target", "Unit")] = "单位", [("Target", "Value")] = "指标值",
        [("Campaign", "End")] = "结束日期", [("Campaign", "Name")] = "行动名称", [("Campaign", "Start")] = "开始日期",
        [("ExchangeRate", "ToCny")] = "折人民币汇率", [("ExchangeRate", "ToUsd")] = "折美元汇率",
        [("FigureRules", "ArrivalWindow")] = "到位率统计窗口", [("FigureRules", "FulfilmentByConstructionStart")] = "履约：开工建设",
        [("FigureRules", "FulfilmentByMoveIn")] = "履约：入驻投产", [("FigureRules", "FulfilmentByVerifiedFunds")] = "履约：已认定到位资金",
        [("FigureRules", "FulfilmentRequiresLanding")] = "履约：须已落位", [("FigureRules", "GreenFromPoints")] = "绿灯阈值（百分点）",
        [("FigureRules", "KeyProjectThresholdYuan")] = "重点项目门槛（元）", [("FigureRules", "YellowFromPoints")] = "黄灯阈值（百分点）",
        [("SystemSetting", "Key")] = "设置项", [("SystemSetting", "Value")] = "设置值",
        [("AppraisalRuleSet", "ExcludeGovernmentInvestment")] = "剔除政府投资", [("AppraisalRuleSet", "ExcludedIndustries")] = "剔除产业",
        [("AppraisalRuleSet", "LocalOrigin")] = "本地企业来源地", [("AppraisalRuleSet", "MinimumProjectYi")] = "项目规模下限（亿元）",
        [("AppraisalRuleSet", "Name")] = "方案名称", [("AppraisalRuleSet", "PublishedAt")] = "发布时间", [("AppraisalRuleSet", "PublishedBy")] = "发布人",
        [("AppraisalRuleSet", "Status")] = "状态", [("AppraisalRuleSet", "Version")] = "版本",
        [("AppraisalItem", "CapPercent")] = "封顶（%）", [("AppraisalItem", "FixedTarget")] = "固定目标", [("AppraisalItem", "FloorPercent")] = "保底（%）",
        [("AppraisalItem", "Function")] = "计分方法", [("AppraisalItem", "Kind")] = "评分项类别", [("AppraisalItem", "MaxPoints")] = "最高分",
        [("AppraisalItem", "Name")] = "评分项名称", [("AppraisalItem", "Parameter")] = "参数", [("AppraisalItem", "ThresholdPercent")] = "门槛（%）",
        [("AppraisalRun", "AsOf")] = "统计日", [("AppraisalRun", "ComputedAt")] = "计算时间", [("AppraisalRun", "Exclusions")] = "剔除说明",
        [("AppraisalRun", "FrozenAt")] = "冻结时间", [("AppraisalRun", "FrozenBy")] = "冻结人", [("AppraisalRun", "IsFrozen")] = "已冻结",
        [("AppraisalRun", "RuleSetName")] = "方案名称", [("AppraisalRun", "RuleSetVersion")] = "方案版本",
        [("AppraisalScore", "Name")] = "名称", [("AppraisalScore", "Rank")] = "排名", [("AppraisalScore", "Total")] = "总分",
        [("AppraisalLine", "Formula")] = "计算公式", [("AppraisalLine", "Inputs")] = "输入", [("AppraisalLine", "ItemId")] = "评分项",
        [("AppraisalLine", "ItemName")] = "评分项名称", [("AppraisalLine", "Kind")] = "评分项类别", [("AppraisalLine", "Target")] = "目标",
        [("AppraisalLine", "Value")] = "实际值",
        [("AppraisalEvidence", "Credit")] = "计入值", [("AppraisalEvidence", "Kind")] = "依据类别", [("AppraisalEvidence", "RecordId")] = "依据记录",
        [("AppraisalEvidence", "Title")] = "依据",
        [("PlanBaseline", "FirstYear")] = "规划起始年", [("PlanBaseline", "Value")] = "实绩", [("PlanBaseline", "Unit")] = "单位", [("PlanBaseline", "Source")] = "来源",
        [("AdministratorAccountChange", "TargetUserId")] = "账号", [("AdministratorAccountChange", "UserName")] = "用户名",
        [("AdministratorAccountChange", "DisplayName")] = "姓名", [("AdministratorAccountChange", "Title")] = "职务",
        [("AdministratorAccountChange", "Roles")] = "角色", [("AdministratorAccountChange", "RequestedBy")] = "申请人",
        [("AdministratorAccountChange", "Status")] = "状态", [("AdministratorAccountChange", "DecidedAt")] = "确认时间", [("AdministratorAccountChange", "DecidedBy")] = "确认人",
        [("AdministratorAccountChange", "RejectionReason")] = "驳回理由", [("AdministratorAccountChange", "Kind")] = "变更类别",
        [("ConstructionEvent", "Kind")] = "建设状态变更", [("ConstructionEvent", "EffectiveDate")] = "生效日期", [("ConstructionEvent", "Evidence")] = "凭证",
        [("ConstructionEvent", "Reason")] = "原因", [("ConstructionEvent", "RecordedAt")] = "登记时间", [("ConstructionEvent", "RecordedBy")] = "登记人",
        [("DispatchPhaseTransition", "FromPhase")] = "原环节", [("DispatchPhaseTransition", "ToPhase")] = "新环节", [("DispatchPhaseTransition", "EffectiveDate")] = "生效日期",
        [("DispatchPhaseTransition", "Reason")] = "理由", [("DispatchPhaseTransition", "IsOverride")] = "越级/回退", [("DispatchPhaseTransition", "RecordedAt")] = "登记时间",
        [("DispatchPhaseTransition", "RecordedBy")] = "登记人",
        [("ProjectYearFlag", "IsMajor")] = "重大项目", [("ProjectYearFlag", "IsPackaged")] = "包装策划",
        [("ProjectYearFlag", "PlannedTotalYuan")] = "计划总投资（元）", [("ProjectYearFlag", "PlannedYearYuan")] = "年度计划投资（元）",
        [("ProjectInvestment", "CompletedYuan")] = "完成投资（元）", [("ProjectInvestment", "RecordedAt")] = "登记时间", [("ProjectInvestment", "RecordedBy")] = "登记人",
        [("ApprovalItem", "Kind")] = "手续", [("ApprovalItem", "Name")] = "手续名称", [("ApprovalItem", "ApprovedOn")] = "批复日期", [("ApprovalItem", "DocumentNumber")] = "文号",
        [("Attachment", "ProjectIssueId")] = "项目问题",
        [("DispatchMeeting", "Date")] = "会议日期", [("DispatchMeeting", "Place")] = "地点", [("DispatchMeeting", "ChairId")] = "主持人",
        [("DispatchMeeting", "Attendees")] = "参会人员", [("DispatchMeeting", "Status")] = "状态", [("DispatchMeeting", "BulletinSentOn")] = "快报发送日期",
        [("DispatchMeeting", "BulletinRecipients")] = "快报接收人",
        [("MeetingAgendaItem", "DispatchMeetingId")] = "调度会", [("MeetingAgendaItem", "Position")] = "顺序", [("MeetingAgendaItem", "ReporterUserId")] = "汇报人",
        [("MeetingAgendaItem", "ReporterDepartmentId")] = "汇报单位", [("MeetingAgendaItem", "Reasons")] = "列入原因", [("MeetingAgendaItem", "Minutes")] = "会议纪要",
        [("MeetingDecision", "MeetingAgendaItemId")] = "调度会议题", [("MeetingDecision", "Text")] = "决定事项", [("MeetingDecision", "ResponsibleDepartmentId")] = "责任单位",
        [("MeetingAttendee", "DispatchMeetingId")] = "调度会", [("MeetingAttendee", "UserId")] = "参会人员",
        [("MeetingLinkedIssue", "DispatchMeetingId")] = "调度会", [("MeetingLinkedIssue", "ProjectIssueId")] = "项目问题",
        [("MeetingDecision", "DueOn")] = "完成时限", [("MeetingDecision", "ProjectIssueId")] = "项目问题",
        [("ProjectIssue", "Description")] = "问题描述", [("ProjectIssue", "Category")] = "问题类别", [("ProjectIssue", "PhaseWhenRaised")] = "提出时调度环节",
        [("ProjectIssue", "RaisedAs")] = "提出身份", [("ProjectIssue", "OnBehalfOfCompany")] = "代企业提出", [("ProjectIssue", "RaisedOn")] = "提出日期",
        [("ProjectIssue", "RaisedBy")] = "提出人", [("ProjectIssue", "AssignedDepartmentId")] = "责任单位", [("ProjectIssue", "AssignedOn")] = "交办日期",
        [("ProjectIssue", "ResponseDueOn")] = "受理时限", [("ProjectIssue", "DueOn")] = "办结时限", [("ProjectIssue", "Status")] = "办理状态",
        [("ProjectIssue", "AcceptedOn")] = "受理日期", [("ProjectIssue", "SolvedOn")] = "解决日期", [("ProjectIssue", "Solution")] = "解决情况",
        [("ProjectIssue", "ConfirmedOn")] = "企业确认日期", [("ProjectIssue", "ConfirmedBy")] = "确认登记人", [("ProjectIssue", "ClosedOn")] = "销号日期",
        [("ProjectIssue", "EscalatedTo")] = "上提至", [("ProjectIssue", "EscalatedOn")] = "上提日期", [("ProjectIssue", "EscalatedAutomatically")] = "自动上提",
        [("ProjectIssue", "CoordinationParties")] = "协调单位",
        [("ProjectIssueStep", "ProjectIssueId")] = "项目问题", [("ProjectIssueStep", "On")] = "日期", [("ProjectIssueStep", "By")] = "经办人",
        [("ProjectIssueStep", "RecordedAt")] = "登记时间", [("ProjectIssueStep", "Kind")] = "办理环节", [("ProjectIssueStep", "Note")] = "说明", [("ProjectIssueStep", "Sequence")] = "序号",
        [("IssueCategoryRoute", "Category")] = "问题类别", [("IssueCategoryRoute", "TaskForceDepartmentId")] = "保障专班",
        [("IssueCategoryRoute", "ResponseDays")] = "受理时限（天）", [("IssueCategoryRoute", "DueDays")] = "办结时限（天）",
        [("IssueCategoryRoute", "EscalateAfterDays")] = "逾期自动上提（天）",
        [("IssueKeyword", "Keyword")] = "关键词", [("IssueKeyword", "Category")] = "问题类别",
        [("GreenChannelService", "Item")] = "服务事项", [("GreenChannelService", "Detail")] = "服务内容", [("GreenChannelService", "ResponsibleDepartmentId")] = "责任单位",
        [("GreenChannelService", "RequestedOn")] = "受理日期", [("GreenChannelService", "DueOn")] = "限办日期", [("GreenChannelService", "DoneOn")] = "办结日期",
        [("GreenChannelService", "ReliefYuan")] = "减免金额（元）",
        [("FundsReview", "TrancheId")] = "到位资金", [("FundsReview", "Included")] = "计入考核", [("FundsReview", "Reason")] = "复核理由",
        [("FundsReview", "DecidedBy")] = "复核人", [("FundsReview", "DecidedAt")] = "复核时间",
    };

    private static readonly Dictionary<string, AuditReference> References = new()
    {
        ["UserId"] = AuditReference.User, ["VerifiedBy"] = AuditReference.User, ["RecordedBy"] = AuditReference.User, ["DeletedBy"] = AuditReference.User,
        ["PublishedBy"] = AuditReference.User, ["FrozenBy"] = AuditReference.User, ["DecidedBy"] = AuditReference.User, ["TargetUserId"] = AuditReference.User, ["RequestedBy"] = AuditReference.User, ["ResponsibleLeaderId"] = AuditReference.User, ["RaisedBy"] = AuditReference.User, ["ConfirmedBy"] = AuditReference.User, ["By"] = AuditReference.User, ["ChairId"] = AuditReference.User, ["ReporterUserId"] = AuditReference.User,
        ["DepartmentSecretaryId"] = AuditReference.User, ["LocalSecretaryId"] = AuditReference.User,
        ["DepartmentId"] = AuditReference.Department, ["LeadDepartmentId"] = AuditReference.Department, ["OwnerDepartmentId"] = AuditReference.Department,
        ["ParentId"] = AuditReference.Department, ["AssignedDepartmentId"] = AuditReference.Department, ["TaskForceDepartmentId"] = AuditReference.Department,
        ["ResponsibleDepartmentId"] = AuditReference.Department, ["ReporterDepartmentId"] = AuditReference.Department,
        ["CompanyId"] = AuditReference.Company, ["ReferrerCompanyId"] = AuditReference.Company, ["ParentCompanyId"] = AuditReference.Company,
        ["MergedIntoId"] = AuditReference.Company,
        ["ProjectId"] = AuditReference.Project, ["RoleId"] = AuditReference.Role,
        ["CampaignId"] = AuditReference.Campaign, ["RuleSetId"] = AuditReference.RuleSet,
    };

    /// <summary>The record type as users know it (the type's own name only for a type this vocabulary lacks).</summary>
    public static string EntityLabel(string entityType) => Entities.GetValueOrDefault(entityType) ?? entityType;

    /// <summary>The field as the form names it, or null when the vocabulary lacks it.</summary>
    public static string? FieldLabel(string entityType, string field) =>
        Fields.GetValueOrDefault((entityType, field)) ?? Common.GetValueOrDefault(field);

    internal static AuditReference ReferenceOf(string field) => References.GetValueOrDefault(field);
}
