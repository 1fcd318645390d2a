using System.Data.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InvestmentCrm.Benchmarks;

/// <summary>
/// A million realistic company profiles (place + brand + industry word + legal form, with aliases, tags, origin,
/// legal person, address and business scope), written in bulk with their search index the way the app writes it
/// (the same terms and text), and the queries of each class drawn from what was generated. Seed 2026.
/// </summary>
internal static class SearchData
{
    private static readonly string[] Places = ["长春", "吉林", "北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "沈阳", "哈尔滨", "大连", "青岛", "南京", "天津", "西安", "重庆", "苏州", "厦门", "郑州", "长沙", "合肥", "济南", "福州", "昆明", "南宁", "宁波", "无锡", "佛山", "东莞"];
    private const string BrandChars = "华信达泰恒通远鑫盛源宏瑞丰润安嘉诚德邦汇金银博创联科新凯昊宇辰星月海天云峰磊森林川江湖明亮光晨阳春秋冬雪梅兰竹菊龙凤鹏飞腾跃祥和美佳福禄寿喜乐康宁";
    private static readonly string[] IndustryWords = ["科技", "信息技术", "生物医药", "新能源", "餐饮管理", "商贸", "物流", "建筑工程", "房地产开发", "文化传媒", "金融服务", "投资管理", "教育咨询", "电子商务", "医疗器械", "汽车零部件", "软件开发", "环保科技", "农业发展", "食品", "酒店管理", "物业服务", "广告", "人力资源", "融资租赁"];
    private static readonly string[] Suffixes = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司"];
    private static readonly string[] ScopePhrases = ["技术开发", "技术咨询", "技术服务", "软件开发", "信息系统集成服务", "数据处理和存储支持服务", "医疗器械销售", "药品批发", "食品销售", "餐饮服务", "住宿服务", "物业管理", "房地产开发经营", "建设工程施工", "货物进出口", "技术进出口", "道路货物运输", "仓储服务", "广告设计、代理", "会议及展览服务", "企业管理咨询", "人力资源服务", "融资租赁业务", "股权投资", "资产管理", "新能源汽车整车销售", "汽车零配件批发", "光伏设备及元器件制造", "储能技术服务", "教育咨询服务", "文艺创作", "电影摄制服务", "日用百货销售", "农产品的生产、销售", "环境保护监测", "污水处理及其再生利用", "互联网信息服务", "电子产品销售", "智能机器人的研发", "第二类增值电信业务"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private const string GivenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英";
    private static readonly string[] Roads = ["人民大街", "解放大路", "自由大路", "亚泰大街", "南湖大路", "东风大街", "建设街", "长江路", "黄河路", "中山路"];
    private static readonly string[] TagPool = ["上市", "专精特新", "国家高新技术企业", "科技小巨人", "瞪羚", "区域总部", "新三板挂牌", "老字号"];
    private static readonly string[] Origins = ["吉林省长春市", "吉林省吉林市", "北京市", "上海市", "广东省深圳市", "广东省广州市", "浙江省杭州市", "四川省成都市", "湖北省武汉市", "辽宁省沈阳市", "黑龙江省哈尔滨市", "江苏省南京市", "天津市", "香港", "韩国", "日本", "新加坡", "美国", "德国"];

    /// <summary>Business-scope phrases, some with a place: each held by about a tenth of the companies.</summary>
    public static readonly string[] LongText = ["医疗器械销售", "光伏设备", "储能技术", "信息系统集成", "融资租赁业务", "污水处理", "电影摄制", "道路货物运输", "互联网信息", "智能机器人",
        "股权投资 长春", "餐饮服务 深圳", "技术进出口 上海", "食品销售 杭州", "物业管理 沈阳", "药品批发", "会议及展览", "增值电信", "农产品", "仓储服务"];

    /// <summary>The parts of the search vector's index (migration CompanySearchParts).</summary>
    private static readonly (string Name, string Predicate)[] VectorIndexes = [.. Enumerable.Range(0, CompanySearchIndex.Parts)
        .Select(part => ($"IX_CompanySearch_Vector_{part}", $"{CompanySearchIndex.PartOf()} = {part}"))];

    public sealed record Queries(string[] Codes, string[] Fragments, string[] Short, string[] LongText, string[] FacetText);

    /// <param name="reader">whose searches the queries are for; null creates the benchmark leader (data scope 全部).</param>
    public static async Task<(Guid Leader, Queries Queries)> GenerateAsync(TestDatabase database, int count, Guid? reader = null)
    {
        var leader = reader ?? await LeaderAsync(database);
        var random = new Random(2026);
        var industries = Taxonomies.IndustryPaths.ToArray();
        var natures = Enum.GetValues<CompanyNature>();
        var codes = new List<string>();
        var fragments = new List<string>();
        var brands = new List<string>();
        var now = TestClock.Default.UtcDateTime;
        var every = Math.Max(20, count / 20); // twenty samples of each kind, spread over the data

        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = database.Provider == DatabaseProviders.PostgreSql;
        if (postgres)
            await ExecuteAsync(connection, """DROP INDEX "IX_CompanySearch_Name"; DROP INDEX "IX_Companies_Name";"""
                + string.Concat(VectorIndexes.Select(i => $"""DROP INDEX "{i.Name}";""")));
        else
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");

        IEnumerable<Company> Companies()
        {
            for (var i = 0; i < count; i++)
            {
                var place = Places[random.Next(Places.Length)];
                var brand = $"{BrandChars[random.Next(BrandChars.Length)]}{BrandChars[random.Next(BrandChars.Length)]}";
                var word = IndustryWords[random.Next(IndustryWords.Length)];
                var branch = random.Next(10) == 0 ? $"（{Places[random.Next(Places.Length)]}）" : "";
                var name = random.Next(3) == 0 ? $"{brand}{word}{branch}{Suffixes[random.Next(Suffixes.Length)]}" : $"{place}{brand}{word}{branch}{Suffixes[random.Next(Suffixes.Length)]}";
                var first17 = "9122" + i.ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
                var code = CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17));
                var company = new Company(name, natures[random.Next(natures.Length)], code)
                {
                    Aliases = random.Next(3) == 0 ? brand + word : null,
                    Industry = industries[random.Next(industries.Length)],
                    Origin = Origins[random.Next(Origins.Length)],
                    Tags = random.Next(50) == 0 ? "世界500强、上市" : random.Next(5) == 0 ? TagPool[random.Next(TagPool.Length)] : null,
                    LegalPerson = Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)] + (random.Next(2) == 0 ? GivenChars[random.Next(GivenChars.Length)].ToString() : ""),
                    Address = $"{place}市{Roads[random.Next(Roads.Length)]}{random.Next(1, 3000)}号",
                    BusinessScope = string.Join("；", Enumerable.Range(0, random.Next(3, 6)).Select(_ => ScopePhrases[random.Next(ScopePhrases.Length)]).Distinct()),
                    IsStrategicInvestor = random.Next(200) == 0,
                    CreatedAt = now,
                };
                if (i % every == 7 % every)
                    codes.Add(code.Value);
                if (i % every == 11 % every)
                    fragments.Add(name.Contains('（') ? brand + word[..1] : name.Substring(name.IndexOf(brand, StringComparison.Ordinal), 3));
                if (i % every == 13 % every)
                    brands.Add(brand);
                yield return company;
            }
        }

        if (postgres)
            await CopyPostgresAsync((NpgsqlConnection)connection, Companies());
        else
            await InsertSqliteAsync((SqliteConnection)connection, Companies());

        if (postgres)
        {
            Console.WriteLine("PostgreSql: building the search indexes after the bulk load ...");
            await ExecuteAsync(connection, """
                SET maintenance_work_mem = '1GB';
                CREATE INDEX "IX_Companies_Name" ON "Companies" ("Name");
                CREATE INDEX "IX_CompanySearch_Name" ON "Companies" USING gin ("Name" gin_trgm_ops);
                """ + string.Concat(VectorIndexes.Select(i => $"""CREATE INDEX "{i.Name}" ON "Companies" USING gin ("CompanySearchVector") WHERE {i.Predicate};""")));
            // What a DBA does after a bulk load; otherwise autovacuum's first pass over the new rows runs during the measurement.
            await ExecuteAsync(connection, """VACUUM (ANALYZE) "Companies";""");
        }
        var queries = new Queries(
            codes.Take(20).ToArray(),
            fragments.Take(20).ToArray(),
            brands.Take(15).Concat(["华", "鑫", "龙", "泰", "康"]).ToArray(),
            LongText,
            fragments.Skip(5).Take(10).Concat(["科技", "医药", "新能源", "商贸", "物流", "传媒", "金融服务", "软件", "餐饮", "环保"]).ToArray());
        return (leader, queries);
    }

    private static async Task InsertSqliteAsync(SqliteConnection connection, IEnumerable<Company> companies)
    {
        var transaction = connection.BeginTransaction();
        var insert = Command(connection, transaction, """
            INSERT INTO "Companies" ("Id", "Name", "Aliases", "CreditCode", "Kind", "Nature", "Tags", "Industry", "Origin", "LegalPerson", "Address", "BusinessScope",
                "IsStrategicInvestor", "IsBlacklisted", "IsDeleted", "ConcurrencyStamp", "CreatedAt", "SearchTerms")
            VALUES ($id, $name, $aliases, $code, 0, $nature, $tags, $industry, $origin, $legal, $address, $scope, $strategic, 0, 0, $stamp, $created, $terms);
            INSERT INTO "CompanySearchKeys" ("CompanyId") VALUES ($id);
            INSERT INTO "CompanySearchTrigrams" (rowid, "Text") VALUES (last_insert_rowid(), $text);
            INSERT INTO "CompanySearchBigrams" (rowid, "Terms") VALUES (last_insert_rowid(), $terms);
            """, "$id", "$name", "$aliases", "$code", "$nature", "$tags", "$industry", "$origin", "$legal", "$address", "$scope", "$strategic", "$stamp", "$created", "$terms", "$text");
        var n = 0;
        foreach (var c in companies)
        {
            Bind(insert, CompanySearchIndex.SqliteKey(c.Id), c.Name, c.Aliases, c.CreditCode!.Value, (int)c.Nature, c.Tags, c.Industry, c.Origin, c.LegalPerson, c.Address,
                c.BusinessScope, c.IsStrategicInvestor ? 1 : 0, CompanySearchIndex.SqliteKey(c.ConcurrencyStamp), c.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                CompanySearchIndex.TermsOf(c), CompanySearchIndex.TextOf(c));
            await insert.ExecuteNonQueryAsync();
            if (++n % 100_000 == 0)
            {
                await transaction.CommitAsync();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                Console.WriteLine($"Sqlite: {n:N0} companies");
            }
        }
        await transaction.CommitAsync();
    }

    private static async Task CopyPostgresAsync(NpgsqlConnection connection, IEnumerable<Company> companies)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY "Companies" ("Id", "Name", "Aliases", "CreditCode", "Kind", "Nature", "Tags", "Industry", "Origin", "LegalPerson", "Address", "BusinessScope",
                "IsStrategicInvestor", "IsBlacklisted", "IsDeleted", "ConcurrencyStamp", "CreatedAt", "SearchTerms") FROM STDIN (FORMAT BINARY)
            """);
        var n = 0;
        foreach (var c in companies)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(c.Id, NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(c.Name);
            await Nullable(writer, c.Aliases);
            await writer.WriteAsync(c.CreditCode!.Value);
            await writer.WriteAsync(0);
            await writer.WriteAsync((int)c.Nature);
            await Nullable(writer, c.Tags);
            await Nullable(writer, c.Industry);
            await Nullable(writer, c.Origin);
            await Nullable(writer, c.LegalPerson);
            await Nullable(writer, c.Address);
            await Nullable(writer, c.BusinessScope);
            await writer.WriteAsync(c.IsStrategicInvestor);
            await writer.WriteAsync(false);
            await writer.WriteAsync(false);
            await writer.WriteAsync(c.ConcurrencyStamp, NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(c.CreatedAt, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(CompanySearchIndex.TermsOf(c));
            if (++n % 100_000 == 0)
                Console.WriteLine($"PostgreSql: {n:N0} companies");
        }
        await writer.CompleteAsync();

        static Task Nullable(NpgsqlBinaryImporter writer, string? value) => value is null ? writer.WriteNullAsync() : writer.WriteAsync(value);
    }

    private static async Task<Guid> LeaderAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var root = new Department("BENCH", "基准区人民政府", DepartmentKind.District);
        var role = new AppRole("bench-leader", "区领导（基准）", DataScope.All);
        var leader = new AppUser { UserName = "bench", NormalizedUserName = "BENCH", DisplayName = "基准领导", DepartmentId = root.Id, CreatedAt = TestClock.Default.UtcDateTime, IsActive = true };
        db.Departments.Add(root);
        db.Roles.Add(role);
        db.Users.Add(leader);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = leader.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
        return leader.Id;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
