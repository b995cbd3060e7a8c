using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class WebhookSubscriptionRowConfiguration : IEntityTypeConfiguration<WebhookSubscriptionRow>
{
    public void Configure(EntityTypeBuilder<WebhookSubscriptionRow> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(Lengths.Id);
        builder.Property(s => s.StoreId).HasMaxLength(Lengths.Id);
        builder.Property(s => s.Url).HasMaxLength(2048);
        builder.Property(s => s.Secret).HasMaxLength(Lengths.Id);
        builder.Property(s => s.PreviousSecret).HasMaxLength(Lengths.Id);
        builder.Property(s => s.ServiceCenterId).HasMaxLength(Lengths.Id);
        builder.Property(s => s.BuyerId).HasMaxLength(Lengths.Id);
        builder.HasIndex(s => s.StoreId);
        builder.HasIndex(s => s.ServiceCenterId);
        builder.HasIndex(s => s.BuyerId);
    }
}
