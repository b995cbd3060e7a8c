using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class StorePenaltyRowConfiguration : IEntityTypeConfiguration<StorePenaltyRow>
{
    public void Configure(EntityTypeBuilder<StorePenaltyRow> builder)
    {
        builder.ToTable("StorePenalties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(2 * Lengths.Id);
        builder.Property(p => p.DisputeId).HasMaxLength(Lengths.Id);
        builder.Property(p => p.StoreId).HasMaxLength(Lengths.Id);
        builder.Property(p => p.Cause).HasMaxLength(Lengths.Enum);

        // A store's record, and the points counting at a period's end, are read by store and time.
        builder.HasIndex(p => new { p.StoreId, p.At });
        builder.HasIndex(p => p.DisputeId);
        builder.HasOne<DisputeRow>().WithMany().HasForeignKey(p => p.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
