using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class StoreAssessmentRowConfiguration : IEntityTypeConfiguration<StoreAssessmentRow>
{
    public void Configure(EntityTypeBuilder<StoreAssessmentRow> builder)
    {
        builder.ToTable("StoreAssessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.StoreId).HasMaxLength(Lengths.Id);
        builder.Property(a => a.Period).HasMaxLength(Lengths.Enum);
        builder.Property(a => a.Level).HasMaxLength(Lengths.Enum);

        // One assessment per store and period: a second host's insert fails here and is dropped.
        builder.HasIndex(a => new { a.StoreId, a.Period }).IsUnique();
        builder.HasIndex(a => new { a.StoreId, a.PeriodEnd });
        builder.HasIndex(a => a.PeriodEnd);
    }
}
