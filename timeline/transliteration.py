"""The characters Chinese writes foreign names' sounds with: what the name finder, the gazetteer
and the script view read to tell a transliteration from ordinary words."""
from __future__ import annotations

# characters Chinese uses to transliterate foreign names (Xinhua's 译音表 core set, and Southeast Asian usage)
_TRANSLIT_BASE = (
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕庇波伯勃博布查达戴丹道德迪蒂丁东杜多厄恩法凡菲费芬史"
    "丰弗福富盖甘冈戈格贡古瓜圭哈海汉豪赫亨胡华霍基吉加贾杰捷金卡凯坎康科克肯库夸奎拉莱兰朗劳"
    "勒雷蕾里利莉林琳隆卢鲁伦罗洛吕马玛迈麦曼芒梅门蒙米密明摩莫默姆穆纳娜奈南内尼涅努诺欧帕潘"
    "佩彭皮珀普齐奇恰乔切钦琼丘萨塞赛桑瑟森沙尚绍舍申施什舒斯松苏索塔泰坦汤唐特提廷图托瓦万旺"
    "威韦维温沃乌伍西希谢辛休许雅亚扬耶伊因英尤于约扎泽詹兹佐祖尔茨夫克斯"
    "宋颂蓬坤披猜铎"  # Lao and Thai names (赛宋蓬, 披集); 阿布铎
    "芙娅黛琪茜薇妮莎娃"  # the characters Xinhua's table keeps for women's names (察芙拉, 娅娜, 黛安娜)
)
TRANSLIT_BASE = frozenset(_TRANSLIT_BASE)
