using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>
/// The first schema: organisation, identity, companies, the pipeline and targets.
/// Written by hand (the EF design-time package cannot be restored here). Column store types are left to
/// each provider's type mapping (uuid/TEXT, date/TEXT, numeric/TEXT …), so one migration serves SQLite
/// and PostgreSQL; the schema drift test proves the result equals what the model describes.
/// </summary>
[DbContext(typeof(CrmDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Departments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<int>(nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Departments", x => x.Id);
                table.ForeignKey("FK_Departments_Departments_ParentId", x => x.ParentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 64, nullable: false),
                DataScope = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 64, nullable: false),
                DepartmentId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 64, nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PasswordChangedAt = table.Column<DateTime>(nullable: true),
                MustChangePassword = table.Column<bool>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey("FK_AspNetUsers_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = IdentityColumn(table),
                RoleId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = IdentityColumn(table),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Companies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Aliases = table.Column<string>(maxLength: 500, nullable: true),
                CreditCode = table.Column<string>(maxLength: 18, nullable: true),
                Kind = table.Column<int>(nullable: false),
                Nature = table.Column<int>(nullable: false),
                Tags = table.Column<string>(maxLength: 500, nullable: true),
                Industry = table.Column<string>(maxLength: 64, nullable: true),
                Origin = table.Column<string>(maxLength: 64, nullable: true),
                RegisteredCapitalAmount = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                RegisteredCapitalCurrency = table.Column<string>(maxLength: 3, nullable: true),
                ParentCompanyId = table.Column<Guid>(nullable: true),
                LegalPerson = table.Column<string>(maxLength: 64, nullable: true),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                BusinessScope = table.Column<string>(maxLength: 2000, nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                IsStrategicInvestor = table.Column<bool>(nullable: false),
                IsBlacklisted = table.Column<bool>(nullable: false),
                BlacklistReason = table.Column<string>(maxLength: 500, nullable: true),
                BlacklistedOn = table.Column<DateOnly>(nullable: true),
                IsDeleted = table.Column<bool>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Companies", x => x.Id);
                table.ForeignKey("FK_Companies_Companies_ParentCompanyId", x => x.ParentCompanyId, "Companies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CompanyContacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CompanyId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Title = table.Column<string>(maxLength: 64, nullable: true),
                Phone = table.Column<string>(maxLength: 32, nullable: true),
                Email = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CompanyContacts", x => x.Id);
                table.ForeignKey("FK_CompanyContacts_Companies_CompanyId", x => x.CompanyId, "Companies", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Projects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Aliases = table.Column<string>(maxLength: 500, nullable: true),
                Type = table.Column<int>(nullable: false),
                Industry = table.Column<string>(maxLength: 64, nullable: false),
                TargetLocation = table.Column<string>(maxLength: 200, nullable: true),
                SourceChannel = table.Column<string>(maxLength: 64, nullable: true),
                ReferrerCompanyId = table.Column<Guid>(nullable: true),
                ReferrerName = table.Column<string>(maxLength: 64, nullable: true),
                IsGreenChannel = table.Column<bool>(nullable: false),
                Stage = table.Column<int>(nullable: false),
                DispatchPhase = table.Column<int>(nullable: true),
                LeadDepartmentId = table.Column<Guid>(nullable: true),
                ResponsibleLeaderId = table.Column<Guid>(nullable: true),
                DepartmentSecretaryId = table.Column<Guid>(nullable: true),
                LocalSecretaryId = table.Column<Guid>(nullable: true),
                PlannedDomesticAmount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                PlannedDomesticCurrency = table.Column<string>(maxLength: 3, nullable: false),
                PlannedForeignAmount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                PlannedForeignCurrency = table.Column<string>(maxLength: 3, nullable: false),
                IsDeleted = table.Column<bool>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Projects", x => x.Id);
                table.ForeignKey("FK_Projects_AspNetUsers_DepartmentSecretaryId", x => x.DepartmentSecretaryId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Projects_AspNetUsers_LocalSecretaryId", x => x.LocalSecretaryId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Projects_AspNetUsers_ResponsibleLeaderId", x => x.ResponsibleLeaderId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Projects_Companies_ReferrerCompanyId", x => x.ReferrerCompanyId, "Companies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Projects_Departments_LeadDepartmentId", x => x.LeadDepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProjectStageTransitions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                FromStage = table.Column<int>(nullable: true),
                ToStage = table.Column<int>(nullable: false),
                EffectiveDate = table.Column<DateOnly>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<Guid>(nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                IsOverride = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectStageTransitions", x => x.Id);
                table.ForeignKey("FK_ProjectStageTransitions_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProjectContributors",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                WeightPercent = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectContributors", x => x.Id);
                table.ForeignKey("FK_ProjectContributors_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ProjectContributors_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProjectCompanies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                CompanyId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectCompanies", x => x.Id);
                table.ForeignKey("FK_ProjectCompanies_Companies_CompanyId", x => x.CompanyId, "Companies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ProjectCompanies_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProjectYearFlags",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                IsKeyProject = table.Column<bool>(nullable: false),
                IsContinuing = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectYearFlags", x => x.Id);
                table.ForeignKey("FK_ProjectYearFlags_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "LandingEvidence",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                DocumentNumber = table.Column<string>(maxLength: 64, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LandingEvidence", x => x.Id);
                table.ForeignKey("FK_LandingEvidence_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Contracts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Number = table.Column<string>(maxLength: 64, nullable: false),
                SignedOn = table.Column<DateOnly>(nullable: false),
                Occasion = table.Column<string>(maxLength: 200, nullable: true),
                Parties = table.Column<string>(maxLength: 500, nullable: false),
                ContractedDomesticAmount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                ContractedDomesticCurrency = table.Column<string>(maxLength: 3, nullable: false),
                ContractedForeignAmount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                ContractedForeignCurrency = table.Column<string>(maxLength: 3, nullable: false),
                AgreedLandingDate = table.Column<DateOnly>(nullable: true),
                AgreedStartDate = table.Column<DateOnly>(nullable: true),
                AgreedOperationDate = table.Column<DateOnly>(nullable: true),
                FundingSchedule = table.Column<string>(maxLength: 2000, nullable: true),
                IsDeleted = table.Column<bool>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Contracts", x => x.Id);
                table.ForeignKey("FK_Contracts_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "FundsTranches",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                ArrivedOn = table.Column<DateOnly>(nullable: false),
                AmountAmount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                AmountCurrency = table.Column<string>(maxLength: 3, nullable: false),
                Source = table.Column<int>(nullable: false),
                Form = table.Column<int>(nullable: false),
                Evidence = table.Column<string>(maxLength: 500, nullable: true),
                Verification = table.Column<int>(nullable: false),
                VerifiedBy = table.Column<Guid>(nullable: true),
                VerifiedOn = table.Column<DateOnly>(nullable: true),
                VerificationNote = table.Column<string>(maxLength: 500, nullable: true),
                IsDeleted = table.Column<bool>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FundsTranches", x => x.Id);
                table.ForeignKey("FK_FundsTranches_AspNetUsers_VerifiedBy", x => x.VerifiedBy, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_FundsTranches_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Activities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Type = table.Column<int>(nullable: false),
                CompanyId = table.Column<Guid>(nullable: true),
                ProjectId = table.Column<Guid>(nullable: true),
                Carrier = table.Column<string>(maxLength: 200, nullable: true),
                Summary = table.Column<string>(maxLength: 2000, nullable: false),
                Outcome = table.Column<string>(maxLength: 2000, nullable: true),
                NextStep = table.Column<string>(maxLength: 500, nullable: true),
                NextStepDue = table.Column<DateOnly>(nullable: true),
                ExternalParticipants = table.Column<string>(maxLength: 500, nullable: true),
                IsDeleted = table.Column<bool>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Activities", x => x.Id);
                table.ForeignKey("FK_Activities_Companies_CompanyId", x => x.CompanyId, "Companies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Activities_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ActivityParticipants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ActivityId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityParticipants", x => x.Id);
                table.ForeignKey("FK_ActivityParticipants_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ActivityParticipants_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Campaigns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Start = table.Column<DateOnly>(nullable: false),
                End = table.Column<DateOnly>(nullable: false),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Campaigns", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Targets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Metric = table.Column<int>(nullable: false),
                PeriodKind = table.Column<int>(nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                PeriodEnd = table.Column<DateOnly>(nullable: false),
                Scope = table.Column<int>(nullable: false),
                DepartmentId = table.Column<Guid>(nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                CampaignId = table.Column<Guid>(nullable: true),
                ParentTargetId = table.Column<Guid>(nullable: true),
                Value = table.Column<decimal>(precision: 20, scale: 4, nullable: false),
                Unit = table.Column<string>(maxLength: 16, nullable: false),
                ConcurrencyStamp = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Targets", x => x.Id);
                table.ForeignKey("FK_Targets_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Targets_Campaigns_CampaignId", x => x.CampaignId, "Campaigns", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Targets_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Targets_Targets_ParentTargetId", x => x.ParentTargetId, "Targets", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ExchangeRates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: true),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                ToCny = table.Column<decimal>(precision: 18, scale: 6, nullable: false),
                ToUsd = table.Column<decimal>(precision: 18, scale: 6, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ExchangeRates", x => x.Id));

        migrationBuilder.CreateTable(
            name: "SystemSettings",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 128, nullable: false),
                Value = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SystemSettings", x => x.Key));

        CreateIndexes(migrationBuilder);
    }

    private static void CreateIndexes(MigrationBuilder migrationBuilder)
    {
        void Index(string table, string name, bool unique, params string[] columns) =>
            migrationBuilder.CreateIndex(name: name, table: table, columns: columns, unique: unique);

        Index("Departments", "IX_Departments_Code", true, "Code");
        Index("Departments", "IX_Departments_ParentId", false, "ParentId");
        Index("AspNetRoles", "RoleNameIndex", true, "NormalizedName");
        Index("AspNetRoleClaims", "IX_AspNetRoleClaims_RoleId", false, "RoleId");
        Index("AspNetUsers", "EmailIndex", false, "NormalizedEmail");
        Index("AspNetUsers", "UserNameIndex", true, "NormalizedUserName");
        Index("AspNetUsers", "IX_AspNetUsers_DepartmentId", false, "DepartmentId");
        Index("AspNetUserClaims", "IX_AspNetUserClaims_UserId", false, "UserId");
        Index("AspNetUserLogins", "IX_AspNetUserLogins_UserId", false, "UserId");
        Index("AspNetUserRoles", "IX_AspNetUserRoles_RoleId", false, "RoleId");
        Index("Companies", "IX_Companies_CreditCode", true, "CreditCode");
        Index("Companies", "IX_Companies_Name", false, "Name");
        Index("Companies", "IX_Companies_ParentCompanyId", false, "ParentCompanyId");
        Index("CompanyContacts", "IX_CompanyContacts_CompanyId", false, "CompanyId");
        Index("Projects", "IX_Projects_DepartmentSecretaryId", false, "DepartmentSecretaryId");
        Index("Projects", "IX_Projects_LeadDepartmentId", false, "LeadDepartmentId");
        Index("Projects", "IX_Projects_LocalSecretaryId", false, "LocalSecretaryId");
        Index("Projects", "IX_Projects_ReferrerCompanyId", false, "ReferrerCompanyId");
        Index("Projects", "IX_Projects_ResponsibleLeaderId", false, "ResponsibleLeaderId");
        Index("Projects", "IX_Projects_Stage", false, "Stage");
        Index("ProjectStageTransitions", "IX_ProjectStageTransitions_ProjectId_EffectiveDate", false, "ProjectId", "EffectiveDate");
        Index("ProjectStageTransitions", "IX_ProjectStageTransitions_ToStage_EffectiveDate", false, "ToStage", "EffectiveDate");
        Index("ProjectContributors", "IX_ProjectContributors_ProjectId_UserId_Role", true, "ProjectId", "UserId", "Role");
        Index("ProjectContributors", "IX_ProjectContributors_UserId", false, "UserId");
        Index("ProjectCompanies", "IX_ProjectCompanies_CompanyId", false, "CompanyId");
        Index("ProjectCompanies", "IX_ProjectCompanies_ProjectId_CompanyId_Role", true, "ProjectId", "CompanyId", "Role");
        Index("ProjectYearFlags", "IX_ProjectYearFlags_ProjectId_Year", true, "ProjectId", "Year");
        Index("LandingEvidence", "IX_LandingEvidence_ProjectId", false, "ProjectId");
        Index("Contracts", "IX_Contracts_Kind_SignedOn", false, "Kind", "SignedOn");
        Index("Contracts", "IX_Contracts_ProjectId", false, "ProjectId");
        Index("FundsTranches", "IX_FundsTranches_ProjectId", false, "ProjectId");
        Index("FundsTranches", "IX_FundsTranches_Verification_ArrivedOn", false, "Verification", "ArrivedOn");
        Index("FundsTranches", "IX_FundsTranches_VerifiedBy", false, "VerifiedBy");
        Index("Activities", "IX_Activities_CompanyId", false, "CompanyId");
        Index("Activities", "IX_Activities_Date", false, "Date");
        Index("Activities", "IX_Activities_ProjectId", false, "ProjectId");
        Index("ActivityParticipants", "IX_ActivityParticipants_ActivityId_UserId", true, "ActivityId", "UserId");
        Index("ActivityParticipants", "IX_ActivityParticipants_UserId", false, "UserId");
        Index("Targets", "IX_Targets_CampaignId", false, "CampaignId");
        Index("Targets", "IX_Targets_DepartmentId", false, "DepartmentId");
        Index("Targets", "IX_Targets_Metric_PeriodStart", false, "Metric", "PeriodStart");
        Index("Targets", "IX_Targets_ParentTargetId", false, "ParentTargetId");
        Index("Targets", "IX_Targets_UserId", false, "UserId");
        Index("ExchangeRates", "IX_ExchangeRates_Year_Month_Currency", true, "Year", "Month", "Currency");
    }

    /// <summary>Identity's int claim keys: AUTOINCREMENT on SQLite, GENERATED BY DEFAULT AS IDENTITY on PostgreSQL.</summary>
    private static OperationBuilder<Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation> IdentityColumn(ColumnsBuilder table) =>
        table.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "ActivityParticipants", "Activities", "FundsTranches", "Contracts", "LandingEvidence", "ProjectYearFlags",
                     "ProjectCompanies", "ProjectContributors", "ProjectStageTransitions", "Targets", "Campaigns", "Projects",
                     "CompanyContacts", "Companies", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims",
                     "AspNetRoleClaims", "AspNetUsers", "AspNetRoles", "Departments", "ExchangeRates", "SystemSettings",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
