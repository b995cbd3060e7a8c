using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class OrderLineRowConfiguration : IEntityTypeConfiguration<OrderLineRow>
{
    public void Configure(EntityTypeBuilder<OrderLineRow> builder)
    {
        builder.ToTable("OrderLines");
        builder.HasKey(l => new { l.OrderId, l.LineId });
        builder.Property(l => l.OrderId).HasMaxLength(Lengths.Id);
        builder.Property(l => l.LineId).HasMaxLength(Lengths.Id);
        builder.Property(l => l.GiftForLineId).HasMaxLength(Lengths.Id);
        builder.Property(l => l.Sku).HasMaxLength(Lengths.Id);
        builder.Property(l => l.Title).HasMaxLength(Lengths.Text);
        builder.Property(l => l.SerialNumber).HasMaxLength(Lengths.Id);
        builder.Property(l => l.Brand).HasMaxLength(Lengths.Id);
        builder.Property(l => l.PromotionTags).HasMaxLength(Lengths.Text);
        builder.Property(l => l.Categories).HasMaxLength(Lengths.Text);
    }
}
