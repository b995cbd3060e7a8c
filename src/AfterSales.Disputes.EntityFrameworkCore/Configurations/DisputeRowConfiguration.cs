using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class DisputeRowConfiguration : IEntityTypeConfiguration<DisputeRow>
{
    public void Configure(EntityTypeBuilder<DisputeRow> builder)
    {
        builder.ToTable("Disputes");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(Lengths.Id);
        builder.Property(d => d.OrderId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.LineId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.BuyerId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.StoreId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.ArbitratorId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.ServiceCenterId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.Property(d => d.Kind).HasMaxLength(Lengths.Enum);
        builder.Property(d => d.State).HasMaxLength(Lengths.Enum);
        builder.Property(d => d.Closure).HasMaxLength(Lengths.Enum);
        builder.Property(d => d.ArbitrationResult).HasMaxLength(Lengths.Enum);
        builder.Property(d => d.Version).IsConcurrencyToken();

        // Lists are newest first, per party; the cursor is (OpenedAt, Id).
        builder.HasIndex(d => new { d.StoreId, d.OpenedAt, d.Id });
        builder.HasIndex(d => new { d.BuyerId, d.OpenedAt, d.Id });
        builder.HasIndex(d => new { d.OpenedAt, d.Id });
        builder.HasIndex(d => new { d.State, d.OpenedAt });
        builder.HasIndex(d => d.ArbitratorId);
        builder.HasIndex(d => d.RuledAt);
        builder.HasIndex(d => d.ServiceCenterId);
        builder.HasIndex(d => new { d.StoreId, d.FirstResponseSeconds });

        // Requests hold units, not lines, so several open requests may share a line: the store holds the order
        // while a request opens (EfDisputeStore.OpenAsync), and the domain counts the units left.
        builder.HasIndex(d => d.OrderId);
    }
}
