using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class WebhookDeliveryRowConfiguration : IEntityTypeConfiguration<WebhookDeliveryRow>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRow> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(Lengths.Id * 3);
        builder.Property(d => d.SubscriptionId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.EventId).HasMaxLength(Lengths.Id * 2);
        builder.Property(d => d.EventType).HasMaxLength(Lengths.Enum);
        builder.Property(d => d.Status).HasMaxLength(Lengths.Enum);
        builder.Property(d => d.LastError).HasMaxLength(Lengths.Text);

        // One delivery per event and subscription, however often the outbox fans it out.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasOne<WebhookSubscriptionRow>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
