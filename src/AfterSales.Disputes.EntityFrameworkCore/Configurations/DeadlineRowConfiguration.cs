using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class DeadlineRowConfiguration : IEntityTypeConfiguration<DeadlineRow>
{
    public void Configure(EntityTypeBuilder<DeadlineRow> builder)
    {
        builder.ToTable("Deadlines");
        builder.HasKey(d => d.DisputeId);
        builder.Property(d => d.DisputeId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.ExpiresWith).HasMaxLength(Lengths.Enum);
        builder.Property(d => d.LeaseOwner).HasMaxLength(Lengths.Worker);
        builder.HasIndex(d => d.DueAt);
        builder.HasOne<DisputeRow>().WithOne().HasForeignKey<DeadlineRow>(d => d.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
