using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class MarketplaceSettingRowConfiguration : IEntityTypeConfiguration<MarketplaceSettingRow>
{
    public void Configure(EntityTypeBuilder<MarketplaceSettingRow> builder)
    {
        builder.ToTable("MarketplaceSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasMaxLength(Lengths.Enum);
        builder.Property(s => s.Key).HasMaxLength(2 * Lengths.Id);
        builder.Property(s => s.ChangedBy).HasMaxLength(Lengths.Id);

        // Two writers of the same revision: the second fails here and is told it conflicts.
        builder.HasIndex(s => new { s.Kind, s.Key, s.Revision }).IsUnique();
    }
}
