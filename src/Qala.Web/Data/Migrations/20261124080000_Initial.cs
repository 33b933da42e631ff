using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Identity (schema version 2), Data Protection keys, territories with their code mappings, agencies, users' territories,
/// and the source documents with the figures they state.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124080000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Territories",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                ParentId = table.Column<int>(nullable: true),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidTo = table.Column<DateOnly>(nullable: true),
                PredecessorId = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
                Name_En = table.Column<string>(maxLength: 200, nullable: false),
                Name_Kk = table.Column<string>(maxLength: 200, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Territories", x => x.Id);
                table.ForeignKey("FK_Territories_Territories_ParentId", x => x.ParentId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Territories_Territories_PredecessorId", x => x.PredecessorId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Agencies",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Name_En = table.Column<string>(maxLength: 300, nullable: false),
                Name_Kk = table.Column<string>(maxLength: 300, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agencies", x => x.Id);
                table.ForeignKey("FK_Agencies_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SourceDocuments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Code = table.Column<string>(maxLength: 80, nullable: false),
                Title = table.Column<string>(maxLength: 400, nullable: false),
                Language = table.Column<string>(maxLength: 2, nullable: false),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                Publisher = table.Column<string>(maxLength: 200, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SourceDocuments", x => x.Id);
                table.ForeignKey("FK_SourceDocuments_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TerritoryCodeMappings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Scheme = table.Column<string>(maxLength: 40, nullable: false),
                ExternalCode = table.Column<string>(maxLength: 40, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TerritoryCodeMappings", x => x.Id);
                table.ForeignKey("FK_TerritoryCodeMappings_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                AgencyId = table.Column<int>(nullable: true),
                MustChangePassword = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(maxLength: 256, nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey("FK_AspNetUsers_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SourceFacts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Code = table.Column<string>(maxLength: 100, nullable: false),
                SourceDocumentId = table.Column<int>(nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                Value = table.Column<decimal>(precision: 20, scale: 4, nullable: false),
                Qualifier = table.Column<string>(maxLength: 20, nullable: false),
                Year = table.Column<int>(nullable: true),
                Quote = table.Column<string>(maxLength: 2000, nullable: false),
                Subject_En = table.Column<string>(maxLength: 300, nullable: false),
                Subject_Kk = table.Column<string>(maxLength: 300, nullable: false),
                Subject_Ru = table.Column<string>(maxLength: 300, nullable: false),
                Unit_En = table.Column<string>(maxLength: 60, nullable: false),
                Unit_Kk = table.Column<string>(maxLength: 60, nullable: false),
                Unit_Ru = table.Column<string>(maxLength: 60, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SourceFacts", x => x.Id);
                table.ForeignKey("FK_SourceFacts_SourceDocuments_SourceDocumentId", x => x.SourceDocumentId, "SourceDocuments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SourceFacts_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                UserId = table.Column<string>(nullable: false),
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
                LoginProvider = table.Column<string>(maxLength: 128, nullable: false),
                ProviderKey = table.Column<string>(maxLength: 128, nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
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
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
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
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(maxLength: 128, nullable: false),
                Name = table.Column<string>(maxLength: 128, nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "UserTerritories",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserTerritories", x => new { x.UserId, x.TerritoryId });
                table.ForeignKey("FK_UserTerritories_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_UserTerritories_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Agencies_Code", "Agencies", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Agencies_TerritoryId", "Agencies", "TerritoryId");
        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_AspNetUsers_AgencyId", "AspNetUsers", "AgencyId");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_SourceDocuments_Code", "SourceDocuments", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_SourceDocuments_TerritoryId", "SourceDocuments", "TerritoryId");
        migrationBuilder.CreateIndex("IX_SourceFacts_Code", "SourceFacts", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_SourceFacts_SourceDocumentId", "SourceFacts", "SourceDocumentId");
        migrationBuilder.CreateIndex("IX_SourceFacts_TerritoryId", "SourceFacts", "TerritoryId");
        migrationBuilder.CreateIndex("IX_Territories_Code", "Territories", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Territories_ParentId", "Territories", "ParentId");
        migrationBuilder.CreateIndex("IX_Territories_PredecessorId", "Territories", "PredecessorId");
        migrationBuilder.CreateIndex("IX_TerritoryCodeMappings_Scheme_ExternalCode", "TerritoryCodeMappings", ["Scheme", "ExternalCode"], unique: true);
        migrationBuilder.CreateIndex("IX_TerritoryCodeMappings_TerritoryId", "TerritoryCodeMappings", "TerritoryId");
        migrationBuilder.CreateIndex("IX_UserTerritories_TerritoryId", "UserTerritories", "TerritoryId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in (string[])["UserTerritories", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims",
            "SourceFacts", "AspNetUsers", "TerritoryCodeMappings", "SourceDocuments", "Agencies", "AspNetRoleClaims", "Territories",
            "DataProtectionKeys", "AspNetRoles"])
        {
            migrationBuilder.DropTable(table);
        }
    }
}
