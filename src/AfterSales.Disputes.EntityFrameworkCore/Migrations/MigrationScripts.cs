using Microsoft.EntityFrameworkCore.Migrations;

namespace AfterSales.Disputes.EntityFrameworkCore.Migrations;

/// <summary>
/// Migrations run SQL scripts embedded beside them. The first ones are the DDL EF Core generates from
/// the model (<c>Database.GenerateCreateScript()</c>) for each provider. A test migrates an empty database and
/// compares its schema with the one EF creates from the model, so the scripts cannot drift from it.
/// </summary>
internal static class MigrationScripts
{
    /// <summary>Runs the embedded script <paramref name="name"/> (a path below Migrations/, with '/' separators).</summary>
    public static void Run(MigrationBuilder migrationBuilder, string name)
    {
        using var stream = typeof(MigrationScripts).Assembly.GetManifestResourceStream(name.Replace('/', Path.DirectorySeparatorChar))
            ?? typeof(MigrationScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The migration script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
    }

    /// <summary>Drops a migration's tables, given dependents first.</summary>
    public static void Drop(MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
        {
            migrationBuilder.DropTable(table);
        }
    }
}
