## leaflets/chinatown-centre.toml 的中文（简体）文本。

headline = 保住唐人街社区中心！

intro =
    市议会计划把爵禄街的社区中心卖给开发商。四十年来，这里是老人聚会、孩子学习中文、新移民获得表格和信件帮助的地方。一旦失去，就再也回不来了。
    .demands = 我们要求：

demand-sale = 停止出售社区中心。
demand-consultation = 以中英文进行公开咨询。
demand-funding = 为未来五年的咨询服务提供资金。

slogan = 我们的中心，我们的社区！

when-where = 3月15日（星期六）上午11时 – 伦敦爵禄街（{ $place }）
