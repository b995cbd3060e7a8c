using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class OutboxRowConfiguration : IEntityTypeConfiguration<OutboxRow>
{
    public void Configure(EntityTypeBuilder<OutboxRow> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(Lengths.Id * 2);
        builder.Property(o => o.Kind).HasMaxLength(Lengths.Enum);
        builder.Property(o => o.DisputeId).HasMaxLength(Lengths.Id);
        builder.Property(o => o.StoreId).HasMaxLength(Lengths.Id);
        builder.Property(o => o.Type).HasMaxLength(Lengths.Enum);
        builder.Property(o => o.LastError).HasMaxLength(Lengths.Text);

        // The dispatcher reads pending messages by due time; dispatched ones leave this index.
        builder.HasIndex(o => o.NextAttemptAt).HasFilter(Filters.NotCompleted);
    }
}
