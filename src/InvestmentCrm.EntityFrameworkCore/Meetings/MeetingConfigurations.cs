using InvestmentCrm.Meetings;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using InvestmentCrm.EntityFrameworkCore.Common;
using static InvestmentCrm.EntityFrameworkCore.Common.ModelBuilderExtensions;

namespace InvestmentCrm.EntityFrameworkCore.Meetings;

internal sealed class DispatchMeetingConfiguration : IEntityTypeConfiguration<DispatchMeeting>
{
    public void Configure(EntityTypeBuilder<DispatchMeeting> entity)
    {
        entity.ToTable("DispatchMeetings");
        entity.Property(m => m.Title).HasMaxLength(NameLength);
        entity.Property(m => m.Place).HasMaxLength(NameLength);
        entity.Property(m => m.Attendees).HasMaxLength(InvestmentCrm.Common.TextRules.Long);
        entity.Property(m => m.BulletinRecipients).HasMaxLength(InvestmentCrm.Common.TextRules.Long);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(m => m.ChairId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.DispatchMeetingId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(m => m.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        entity.HasMany(m => m.AttendeeUsers).WithOne().HasForeignKey(a => a.DispatchMeetingId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(m => m.AttendeeUsers).HasField("_attendeeUsers").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        entity.HasMany(m => m.LinkedIssues).WithOne().HasForeignKey(l => l.DispatchMeetingId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(m => m.LinkedIssues).HasField("_linkedIssues").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        // One monthly (weekly) meeting a day, however many hosts prepare it at once; 专题调度会 may share a day.
        entity.HasIndex(m => new { m.Kind, m.Date }).IsUnique().HasFilter($"\"Kind\" <> {(int)MeetingKind.Special}").HasDatabaseName(UniqueIndexes.ScheduledMeeting);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> entity)
    {
        entity.ToTable("MeetingAttendees");
        entity.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(a => new { a.DispatchMeetingId, a.UserId }).IsUnique();
        entity.HasIndex(a => a.UserId);
    }
}

internal sealed class MeetingLinkedIssueConfiguration : IEntityTypeConfiguration<MeetingLinkedIssue>
{
    public void Configure(EntityTypeBuilder<MeetingLinkedIssue> entity)
    {
        entity.ToTable("MeetingLinkedIssues");
        entity.HasOne<InvestmentCrm.ProjectIssues.ProjectIssue>().WithMany().HasForeignKey(l => l.ProjectIssueId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(l => new { l.DispatchMeetingId, l.ProjectIssueId }).IsUnique();
        entity.HasIndex(l => l.ProjectIssueId);
    }
}

/// <summary>The 快报 as sent: one per meeting, read only when downloaded (never loaded with the meeting).</summary>
internal sealed class MeetingBulletinConfiguration : IEntityTypeConfiguration<MeetingBulletin>
{
    public void Configure(EntityTypeBuilder<MeetingBulletin> entity)
    {
        entity.ToTable("MeetingBulletins");
        entity.Property(b => b.Recipients).HasMaxLength(InvestmentCrm.Common.TextRules.Long);
        entity.HasOne<DispatchMeeting>().WithMany().HasForeignKey(b => b.DispatchMeetingId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(b => b.DispatchMeetingId).IsUnique();
    }
}

internal sealed class MeetingAgendaItemConfiguration : IEntityTypeConfiguration<MeetingAgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingAgendaItem> entity)
    {
        entity.ToTable("MeetingAgendaItems");
        entity.Property(i => i.Minutes).HasMaxLength(InvestmentCrm.Common.TextRules.Text);
        entity.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(i => i.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Department>().WithMany().HasForeignKey(i => i.ReporterDepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(i => i.Decisions).WithOne().HasForeignKey(d => d.MeetingAgendaItemId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(i => i.Decisions).AutoInclude();
        entity.HasIndex(i => new { i.DispatchMeetingId, i.ProjectId }).IsUnique();
        entity.HasIndex(i => i.ProjectId);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> entity)
    {
        entity.ToTable("MeetingDecisions");
        entity.Property(d => d.Text).HasMaxLength(InvestmentCrm.Common.TextRules.Long);
        entity.HasOne<Department>().WithMany().HasForeignKey(d => d.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<InvestmentCrm.ProjectIssues.ProjectIssue>().WithMany().HasForeignKey(d => d.ProjectIssueId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(d => d.MeetingAgendaItemId);
    }
}
