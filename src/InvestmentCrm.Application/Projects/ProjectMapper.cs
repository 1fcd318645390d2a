using Riok.Mapperly.Abstractions;

namespace InvestmentCrm.Projects;

/// <summary>
/// Mappings of projects to the DTOs that mirror them (compile-time, Riok.Mapperly). A DTO shows part of the entity, so
/// only a DTO member left unmapped is an error.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ProjectMapper
{
    /// <summary>The project's own fields; the names of its 招引单位 and 包保领导 are looked up by the caller.</summary>
    [MapProperty([nameof(Project.PlannedDomestic), nameof(Project.PlannedDomestic.Amount)], nameof(ProjectDetailDto.PlannedDomesticCny))]
    [MapProperty([nameof(Project.PlannedForeign), nameof(Project.PlannedForeign.Amount)], nameof(ProjectDetailDto.PlannedForeignAmount))]
    [MapProperty([nameof(Project.PlannedForeign), nameof(Project.PlannedForeign.Currency)], nameof(ProjectDetailDto.PlannedForeignCurrency))]
    [MapProperty(nameof(Project.StageTransitions), nameof(ProjectDetailDto.Transitions))]
    [MapperIgnoreTarget(nameof(ProjectDetailDto.LeadDepartment))]
    [MapperIgnoreTarget(nameof(ProjectDetailDto.ResponsibleLeader))]
    [MapperIgnoreTarget(nameof(ProjectDetailDto.Risk))]
    public static partial ProjectDetailDto ToDetailDto(this Project project);

    // Mapperly uses a mapping method whose types match the DTO member's exactly, hence the interface return types.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "the type Mapperly matches")]
    private static IReadOnlyList<StageTransitionDto> Transitions(IReadOnlyCollection<ProjectStageTransition> transitions) =>
        transitions.OrderBy(t => t.EffectiveDate).ThenBy(t => t.RecordedAt).Select(ToDto).ToList();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "the type Mapperly matches")]
    private static IReadOnlyList<YearFlagDto> YearFlags(IReadOnlyCollection<ProjectYearFlag> flags) =>
        flags.OrderByDescending(f => f.Year).Select(ToDto).ToList();

    private static partial StageTransitionDto ToDto(ProjectStageTransition transition);

    private static partial YearFlagDto ToDto(ProjectYearFlag flag);
}
