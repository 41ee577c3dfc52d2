using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CorsAnalyzers.Browser.Tests.Lab;

/// <summary>
/// Headless Chromium driven through chromedriver, both from the machine's packages (never downloaded). Host names are
/// mapped to loopback ports with <c>--host-resolver-rules</c>, so pages get real origins such as <c>https://app.example</c>.
/// Everything Chromium writes (profile, cache, crash data, temporary files) goes under one folder that is deleted on dispose.
/// </summary>
internal sealed class Chromium : IDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo root;
    private readonly ChromeDriverService service;
    private readonly ChromeDriver driver;
    private Process? driverProcess;

    private Chromium(DirectoryInfo root, ChromeDriverService service, ChromeDriver driver)
    {
        this.root = root;
        this.service = service;
        this.driver = driver;
    }

    public IWebDriver Driver => driver;

    /// <param name="hostRules">Host rules such as <c>MAP *.example:443 127.0.0.1:5001</c>.</param>
    public static Chromium Start(IEnumerable<string> hostRules)
    {
        var (binary, driverPath) = Locate();
        var root = Directory.CreateTempSubdirectory("cors-browser-");
        var home = root.CreateSubdirectory("home").FullName;
        var temp = root.CreateSubdirectory("tmp").FullName;
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        service.InitializationTimeout = CommandTimeout;
        Process? driverProcess = null;
        service.DriverProcessStarting += (_, e) =>
        {
            // Chromium inherits these: its NSS database, caches, temporary files and crash reports (which it keeps under
            // ~/.config even with a profile folder of its own) stay in the folder deleted on dispose.
            e.DriverServiceProcessStartInfo.Environment["HOME"] = home;
            e.DriverServiceProcessStartInfo.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
            e.DriverServiceProcessStartInfo.Environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
            e.DriverServiceProcessStartInfo.Environment["TMPDIR"] = temp;
        };
        // Held from the moment it starts, so that only this process (and the browser under it) is ever ended.
        service.DriverProcessStarted += (_, e) => driverProcess = Process.GetProcessById(e.ProcessId);

        var options = new ChromeOptions { BinaryLocation = binary };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--user-data-dir=" + Path.Combine(root.FullName, "profile"),
            "--disable-crash-reporter",
            "--disable-breakpad",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            // Sandboxed iframes otherwise get a process of their own, whose console (the CORS reasons) chromedriver does not collect.
            "--disable-features=IsolateSandboxedIframes",
            // The pages and APIs serve a self-signed certificate made for this run.
            "--ignore-certificate-errors",
            "--host-resolver-rules=" + string.Join(", ", hostRules));
        // A fresh profile blocks third-party cookies; the attacks shown here are against browsers that send them
        // (the setting "Allow third-party cookies"), where a cross-site page's credentialed request carries the victim's cookie.
        options.AddUserProfilePreference("profile.cookie_controls_mode", 0);
        options.SetLoggingPreference(LogType.Browser, OpenQA.Selenium.LogLevel.All);

        // Selenium Manager must never try to download a driver or a browser.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        ChromeDriver driver;
        try
        {
            driver = new ChromeDriver(service, options, CommandTimeout);
        }
        catch (Exception exception)
        {
            Kill(driverProcess);
            service.Dispose();
            DeleteWithRetries(root);
            throw new InvalidOperationException($"Chromium ({binary}) with chromedriver ({driverPath}) did not start within {CommandTimeout.TotalSeconds} s: {exception.Message}", exception);
        }

        driver.Manage().Timeouts().PageLoad = CommandTimeout;
        driver.Manage().Timeouts().AsynchronousJavaScript = ScriptTimeout;
        return new Chromium(root, service, driver) { driverProcess = driverProcess };
    }

    /// <summary>The browser console since the last call (CORS failures are explained only there).</summary>
    public IReadOnlyList<string> TakeConsole() => driver.Manage().Logs.GetLog(LogType.Browser).Select(e => e.Message).ToList();

    public void Dispose()
    {
        try
        {
            driver.Quit();
        }
        catch (WebDriverException)
        {
            // A hung browser: end chromedriver with the browser it started while they are still one process tree.
            Kill(driverProcess);
        }

        service.Dispose();
        Kill(driverProcess);
        DeleteWithRetries(root);
    }

    private static (string Binary, string Driver) Locate()
    {
        var binary = Environment.GetEnvironmentVariable("CHROMIUM_BINARY") ?? "/usr/bin/chromium";
        var driverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER") ?? "/usr/bin/chromedriver";
        if (!File.Exists(binary) || !File.Exists(driverPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium and chromedriver ({binary}, {driverPath}): run ./test.sh, which installs them "
                + "(Debian/Ubuntu: apt-get install -y chromium chromium-driver), or set CHROMIUM_BINARY and CHROMEDRIVER.");
        }

        return (binary, driverPath);
    }

    /// <summary>Ends chromedriver and the browser it started, if they are still running.</summary>
    private static void Kill(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static void DeleteWithRetries(DirectoryInfo directory)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                directory.Refresh();
                if (directory.Exists)
                {
                    directory.Delete(recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 10)
            {
                // The browser's last processes may still be writing for a moment.
                Thread.Sleep(200);
            }
        }
    }
}
