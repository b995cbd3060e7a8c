using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class DisputeEventRowConfiguration : IEntityTypeConfiguration<DisputeEventRow>
{
    public void Configure(EntityTypeBuilder<DisputeEventRow> builder)
    {
        builder.ToTable("DisputeEvents");
        builder.HasKey(e => new { e.DisputeId, e.Sequence });
        builder.Property(e => e.DisputeId).HasMaxLength(Lengths.Id);
        builder.Property(e => e.ActorId).HasMaxLength(Lengths.Id);
        builder.Property(e => e.Party).HasMaxLength(Lengths.Enum);
        builder.Property(e => e.Action).HasMaxLength(Lengths.Enum);
        builder.Property(e => e.From).HasMaxLength(Lengths.Enum);
        builder.Property(e => e.To).HasMaxLength(Lengths.Enum);
        // The feed reads in this order; each provider numbers the two columns (see its context).
        builder.HasIndex(e => new { e.TransactionId, e.Position }).IsUnique();
        builder.HasOne<DisputeRow>().WithMany().HasForeignKey(e => e.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
