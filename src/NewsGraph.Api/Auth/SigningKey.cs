using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace NewsGraph.Api.Auth;

/// <summary>The key tokens are signed and checked with: configured, or read from (or first written to) the key file.</summary>
public sealed partial class SigningKey
{
    public SigningKey(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<SigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        byte[] key;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            key = Convert.FromBase64String(configured);
        }
        else
        {
            var file = Path.GetFullPath(options.Value.SigningKeyFile, environment.ContentRootPath);
            if (File.Exists(file))
            {
                key = Convert.FromBase64String(File.ReadAllText(file).Trim());
            }
            else
            {
                key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, Convert.ToBase64String(key));
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                LogGenerated(logger, file);
            }
        }
        if (key.Length < 32)
            throw new InvalidOperationException("Auth:SigningKey must hold at least 32 bytes (base64).");
        Key = new SymmetricSecurityKey(key);
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a token signing key in {File}; configure Auth:SigningKey from a secret store in production")]
    private static partial void LogGenerated(ILogger logger, string file);
}
