using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

internal sealed class EvidenceContentRowConfiguration : IEntityTypeConfiguration<EvidenceContentRow>
{
    public void Configure(EntityTypeBuilder<EvidenceContentRow> builder)
    {
        builder.ToTable("EvidenceContents");
        builder.HasKey(c => new { c.FileId, c.Chunk });
        builder.Property(c => c.FileId).HasMaxLength(Lengths.Id);
    }
}
