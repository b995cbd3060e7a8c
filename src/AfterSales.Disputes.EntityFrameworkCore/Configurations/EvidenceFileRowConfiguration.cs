using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class EvidenceFileRowConfiguration : IEntityTypeConfiguration<EvidenceFileRow>
{
    public void Configure(EntityTypeBuilder<EvidenceFileRow> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(Lengths.Id);
        builder.Property(f => f.DisputeId).HasMaxLength(Lengths.Id);
        builder.Property(f => f.UploadedBy).HasMaxLength(Lengths.Enum);
        builder.Property(f => f.UploaderId).HasMaxLength(Lengths.Id);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(Lengths.Enum);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasIndex(f => new { f.DisputeId, f.UploadedAt });
        builder.HasIndex(f => f.UploadedAt).HasFilter(Filters.Unattached); // the sweep of unused uploads
        builder.HasOne<DisputeRow>().WithMany().HasForeignKey(f => f.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
