using SpatialCarbon.Cli;

return CliRunner.Run(CommandCatalog.CreateRoot(), args);
