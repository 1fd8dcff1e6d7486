using System.Buffers.Binary;
using System.Text;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Workbook;

/// <summary>A workbook whose zip entry is flagged encrypted (general-purpose bit 0) is refused as password-protected, never read as plain text.</summary>
public class EncryptedWorkbookTests
{
    /// <summary>The minimal workbook with bit 0 of one entry's flags set in its central directory record, its local header, or both.</summary>
    private static string Flagged(TempDir dir, string entry, bool central, bool local)
    {
        string path = WorkbookBuilder.Minimal().Save(dir.File("cycle.xlsx"));
        FlagEncrypted(path, entry, central, local);
        return path;
    }

    /// <summary>Sets bit 0 (encrypted) of a zip entry's general-purpose flags, in its central directory record, its local header, or both.</summary>
    internal static void FlagEncrypted(string path, string entry, bool central, bool local)
    {
        byte[] bytes = File.ReadAllBytes(path);
        byte[] name = Encoding.UTF8.GetBytes(entry);
        int flagged = 0;
        for (int i = 0; i + 46 < bytes.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            // Local header: flags at 6, name length at 26, name at 30. Central record: flags at 8, name length at 28, name at 46.
            var (flags, nameAt, lengthAt, wanted) = signature switch
            {
                0x04034B50 => (6, 30, 26, local),
                0x02014B50 => (8, 46, 28, central),
                _ => (0, 0, 0, false),
            };
            if (!wanted || BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + lengthAt)) != name.Length || !bytes.AsSpan(i + nameAt, name.Length).SequenceEqual(name)) continue;
            bytes[i + flags] |= 1;
            flagged++;
        }
        Assert.Equal((central ? 1 : 0) + (local ? 1 : 0), flagged);
        File.WriteAllBytes(path, bytes);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void An_entry_flagged_encrypted_refuses_the_workbook_as_password_protected(bool central, bool local)
    {
        using var dir = new TempDir();
        string path = Flagged(dir, "xl/sharedStrings.xml", central, local);
        var (code, output, error) = CliTests.Run("check", path, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal("cycle.xlsx: the workbook is password-protected (encrypted); save an unprotected copy (its part xl/sharedStrings.xml is encrypted)\n" + CliTests.TemplatesNotChecked + "1 problem found.\n",
            (output + error).ReplaceLineEndings("\n"));
    }
}
