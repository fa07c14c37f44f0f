/// The demo shop's catalog: 136 products in 12 categories, and the shopping habits ("themes") that give
/// the generated order history its structure.
enum DemoCatalog {
    /// (name, category, price). SKUs are assigned in this order from P-100, so Trail Running Shoes is P-100.
    static let entries: [(name: String, category: String, price: Double)] = [
        ("Trail Running Shoes", "shoes", 89.99), ("Road Running Shoes", "shoes", 119.99),
        ("Hiking Boots", "shoes", 149.00), ("Leather Chelsea Boots", "shoes", 139.00),
        ("Canvas Sneakers", "shoes", 49.99), ("Slip-On Loafers", "shoes", 79.00),
        ("Kids' Light-Up Sneakers", "shoes", 39.99), ("Waterproof Rain Boots", "shoes", 59.00),
        ("Cushioned Walking Shoes", "shoes", 94.50), ("Wool Slippers", "shoes", 35.00),
        ("Trail Sandals", "shoes", 64.99),

        ("Running Socks (3-pack)", "apparel", 14.99), ("Running Shorts", "apparel", 29.99),
        ("Merino Base Layer", "apparel", 69.00), ("Rain Jacket", "apparel", 129.00),
        ("Fleece Pullover", "apparel", 59.99), ("Yoga Leggings", "apparel", 54.00),
        ("Cotton T-Shirt", "apparel", 19.99), ("Denim Jacket", "apparel", 89.00),
        ("Wool Hiking Socks", "apparel", 18.50), ("Chef's Apron", "apparel", 24.99),
        ("Sun Hat", "apparel", 27.00), ("Puffer Vest", "apparel", 99.00),

        ("Sports GPS Watch", "sports", 249.00), ("Hydration Vest", "sports", 79.99),
        ("Foam Roller", "sports", 29.99), ("Yoga Mat", "sports", 39.99),
        ("Yoga Blocks (pair)", "sports", 19.99), ("Resistance Bands Set", "sports", 24.99),
        ("Adjustable Dumbbells", "sports", 199.00), ("Jump Rope", "sports", 12.99),
        ("Insulated Water Bottle", "sports", 29.00), ("Energy Gels (12-pack)", "sports", 21.99),
        ("Running Belt", "sports", 19.00), ("Heart Rate Chest Strap", "sports", 59.00),

        ("Wireless Earbuds", "electronics", 129.00), ("Noise-Cancelling Headphones", "electronics", 279.00),
        ("Mechanical Keyboard", "electronics", 109.00), ("Gaming Mouse", "electronics", 59.99),
        ("27-inch 4K Monitor", "electronics", 349.00), ("USB-C Hub", "electronics", 39.99),
        ("HD Webcam", "electronics", 69.00), ("Portable Charger 10000mAh", "electronics", 34.99),
        ("Smartphone Case", "electronics", 19.99), ("Bluetooth Speaker", "electronics", 89.00),
        ("E-Reader", "electronics", 139.99), ("Gaming Headset", "electronics", 89.99),

        ("Two-Person Tent", "outdoors", 219.00), ("Down Sleeping Bag", "outdoors", 189.00),
        ("Camping Stove", "outdoors", 64.99), ("LED Headlamp", "outdoors", 29.99),
        ("Trekking Poles (pair)", "outdoors", 74.00), ("Water Filter Bottle", "outdoors", 39.00),
        ("40L Hiking Backpack", "outdoors", 139.00), ("Camping Chair", "outdoors", 49.00),
        ("Insulated Sleeping Pad", "outdoors", 89.00), ("Camp Cookware Set", "outdoors", 45.00),
        ("Compass", "outdoors", 19.00),

        ("Chef's Knife 8-inch", "kitchen", 119.00), ("Bamboo Cutting Board", "kitchen", 34.99),
        ("Cast Iron Skillet", "kitchen", 44.99), ("Enameled Dutch Oven", "kitchen", 169.00),
        ("Whetstone Knife Sharpener", "kitchen", 39.99), ("Espresso Machine", "kitchen", 449.00),
        ("Burr Coffee Grinder", "kitchen", 129.00), ("Whole Bean Coffee 1kg", "kitchen", 27.99),
        ("Milk Frother", "kitchen", 29.99), ("Digital Kitchen Scale", "kitchen", 24.99),
        ("Ceramic Mug Set", "kitchen", 32.00), ("Spice Rack Set", "kitchen", 49.00),

        ("Linen Bed Sheets (queen)", "home", 129.00), ("Memory Foam Pillow", "home", 59.00),
        ("Down Duvet", "home", 199.00), ("Knitted Throw Blanket", "home", 69.00),
        ("Soy Candle", "home", 24.00), ("LED Desk Lamp", "home", 49.99),
        ("Blackout Curtains", "home", 79.00), ("Bath Towel Set", "home", 59.99),
        ("Ceramic Plant Pot", "home", 29.00), ("Wall Clock", "home", 39.00),
        ("Storage Baskets (set of 3)", "home", 44.00),

        ("Gentle Cleanser", "beauty", 18.00), ("Daily Moisturizer", "beauty", 26.00),
        ("Mineral Sunscreen SPF 50", "beauty", 22.00), ("Vitamin C Serum", "beauty", 34.00),
        ("Lip Balm Trio", "beauty", 12.00), ("Argan Oil Shampoo", "beauty", 16.50),
        ("Argan Oil Conditioner", "beauty", 16.50), ("Night Cream", "beauty", 39.00),
        ("Bamboo Hairbrush", "beauty", 15.00), ("Sheet Masks (10-pack)", "beauty", 19.00),
        ("Hand Cream", "beauty", 11.00),

        ("The Running Life", "books", 18.99), ("Trail Guide to the Rockies", "books", 24.99),
        ("Salt, Fat, Acid, Heat", "books", 35.00), ("The Coffee Atlas", "books", 29.99),
        ("Mindful Yoga", "books", 21.00), ("Python Crash Course", "books", 39.99),
        ("The Midnight Library", "books", 16.99), ("Dune", "books", 12.99),
        ("Project Hail Mary", "books", 17.99), ("Gardening Through the Year", "books", 27.50),
        ("Dog Training Made Easy", "books", 19.99),

        ("Building Blocks Set", "toys", 59.99), ("1000-Piece Puzzle", "toys", 22.00),
        ("Plush Bear", "toys", 24.00), ("Strategy Board Game", "toys", 44.99),
        ("Remote Control Car", "toys", 64.00), ("Wooden Train Set", "toys", 79.00),
        ("Art Supplies Kit", "toys", 34.00), ("Kids' Science Kit", "toys", 39.00),
        ("Card Game Party Pack", "toys", 19.99), ("Kite", "toys", 25.00),
        ("Stacking Rings", "toys", 15.00),

        ("Grain-Free Dog Food 12kg", "pets", 64.99), ("Reflective Dog Leash", "pets", 24.99),
        ("Orthopedic Dog Bed", "pets", 89.00), ("Rubber Chew Toy", "pets", 12.99),
        ("Dog Shampoo", "pets", 14.00), ("Cat Litter 10kg", "pets", 19.99),
        ("Cat Tree", "pets", 119.00), ("Feather Wand Cat Toy", "pets", 9.99),
        ("Salmon Cat Food (24 cans)", "pets", 34.99), ("Pet Hair Remover", "pets", 17.00),
        ("Automatic Pet Feeder", "pets", 79.00),

        ("Garden Gloves", "garden", 14.99), ("Pruning Shears", "garden", 29.99),
        ("Galvanized Watering Can", "garden", 39.00), ("Heirloom Seed Collection", "garden", 24.00),
        ("Expanding Garden Hose", "garden", 49.99), ("Raised Garden Bed", "garden", 129.00),
        ("Compost Bin", "garden", 69.00), ("Herb Planter", "garden", 34.00),
        ("Bird Feeder", "garden", 29.00), ("Solar Garden Lights (6)", "garden", 39.99),
        ("Kneeling Pad", "garden", 19.00),
    ]

    static let products: [Product] = entries.enumerated().map { index, entry in
        Product(sku: "P-\(100 + index)", name: entry.name, category: entry.category, price: entry.price)
    }

    /// Products people buy again and again, in larger quantities.
    static let consumables: Set<String> = [
        "Running Socks (3-pack)", "Energy Gels (12-pack)", "Whole Bean Coffee 1kg", "Grain-Free Dog Food 12kg",
        "Cat Litter 10kg", "Salmon Cat Food (24 cans)", "Sheet Masks (10-pack)", "Heirloom Seed Collection",
    ]

    /// A shopping habit: products bought together by one kind of customer, the core ones first.
    struct Theme {
        var name: String
        /// How common the habit is among customers.
        var weight: Double
        var products: [String]
    }

    static let themes: [Theme] = [
        Theme(name: "runner", weight: 1.6, products: [
            "Trail Running Shoes", "Running Socks (3-pack)", "Sports GPS Watch", "Road Running Shoes",
            "Running Shorts", "Hydration Vest", "Energy Gels (12-pack)", "Foam Roller", "Running Belt",
            "Heart Rate Chest Strap", "The Running Life"]),
        Theme(name: "hiker", weight: 1.2, products: [
            "Hiking Boots", "Wool Hiking Socks", "40L Hiking Backpack", "Trekking Poles (pair)", "Rain Jacket",
            "Merino Base Layer", "Water Filter Bottle", "Trail Guide to the Rockies", "Compass", "Trail Sandals"]),
        Theme(name: "camper", weight: 1.0, products: [
            "Two-Person Tent", "Down Sleeping Bag", "Insulated Sleeping Pad", "Camping Stove", "LED Headlamp",
            "Camp Cookware Set", "Camping Chair", "Fleece Pullover"]),
        Theme(name: "yoga", weight: 1.1, products: [
            "Yoga Mat", "Yoga Blocks (pair)", "Yoga Leggings", "Resistance Bands Set", "Mindful Yoga",
            "Insulated Water Bottle", "Foam Roller", "Jump Rope", "Adjustable Dumbbells"]),
        Theme(name: "home cook", weight: 1.2, products: [
            "Chef's Knife 8-inch", "Bamboo Cutting Board", "Whetstone Knife Sharpener", "Cast Iron Skillet",
            "Enameled Dutch Oven", "Spice Rack Set", "Salt, Fat, Acid, Heat", "Chef's Apron", "Digital Kitchen Scale"]),
        Theme(name: "coffee", weight: 1.0, products: [
            "Whole Bean Coffee 1kg", "Burr Coffee Grinder", "Espresso Machine", "Milk Frother", "Ceramic Mug Set",
            "The Coffee Atlas", "Digital Kitchen Scale"]),
        Theme(name: "gamer", weight: 1.0, products: [
            "Mechanical Keyboard", "Gaming Mouse", "Gaming Headset", "27-inch 4K Monitor", "USB-C Hub",
            "HD Webcam", "LED Desk Lamp"]),
        Theme(name: "commuter", weight: 1.3, products: [
            "Wireless Earbuds", "Smartphone Case", "Portable Charger 10000mAh", "Noise-Cancelling Headphones",
            "Bluetooth Speaker", "E-Reader"]),
        Theme(name: "dog owner", weight: 1.1, products: [
            "Grain-Free Dog Food 12kg", "Reflective Dog Leash", "Rubber Chew Toy", "Orthopedic Dog Bed",
            "Dog Shampoo", "Dog Training Made Easy", "Pet Hair Remover", "Automatic Pet Feeder"]),
        Theme(name: "cat owner", weight: 0.9, products: [
            "Cat Litter 10kg", "Salmon Cat Food (24 cans)", "Feather Wand Cat Toy", "Cat Tree", "Pet Hair Remover",
            "Automatic Pet Feeder"]),
        Theme(name: "skincare", weight: 1.1, products: [
            "Gentle Cleanser", "Daily Moisturizer", "Mineral Sunscreen SPF 50", "Vitamin C Serum", "Night Cream",
            "Sheet Masks (10-pack)", "Lip Balm Trio", "Hand Cream"]),
        Theme(name: "bath", weight: 0.7, products: [
            "Argan Oil Shampoo", "Argan Oil Conditioner", "Bamboo Hairbrush", "Bath Towel Set", "Soy Candle"]),
        Theme(name: "bedroom", weight: 0.9, products: [
            "Linen Bed Sheets (queen)", "Memory Foam Pillow", "Down Duvet", "Knitted Throw Blanket",
            "Blackout Curtains", "Soy Candle", "Wall Clock", "Storage Baskets (set of 3)"]),
        Theme(name: "parent", weight: 1.0, products: [
            "Building Blocks Set", "Wooden Train Set", "Plush Bear", "Kids' Light-Up Sneakers", "Stacking Rings",
            "Art Supplies Kit", "Kids' Science Kit", "Kite", "Remote Control Car"]),
        Theme(name: "games night", weight: 0.6, products: [
            "Strategy Board Game", "Card Game Party Pack", "1000-Piece Puzzle", "Ceramic Mug Set"]),
        Theme(name: "gardener", weight: 1.0, products: [
            "Garden Gloves", "Pruning Shears", "Heirloom Seed Collection", "Galvanized Watering Can",
            "Expanding Garden Hose", "Raised Garden Bed", "Compost Bin", "Kneeling Pad",
            "Gardening Through the Year", "Herb Planter"]),
        Theme(name: "backyard", weight: 0.6, products: [
            "Bird Feeder", "Solar Garden Lights (6)", "Camping Chair", "Herb Planter", "Ceramic Plant Pot"]),
        Theme(name: "reader", weight: 0.8, products: [
            "The Midnight Library", "Project Hail Mary", "Dune", "E-Reader", "Knitted Throw Blanket",
            "Python Crash Course"]),
        Theme(name: "style", weight: 0.9, products: [
            "Canvas Sneakers", "Cotton T-Shirt", "Denim Jacket", "Leather Chelsea Boots", "Slip-On Loafers",
            "Puffer Vest", "Sun Hat"]),
        Theme(name: "comfort", weight: 0.6, products: [
            "Cushioned Walking Shoes", "Wool Slippers", "Waterproof Rain Boots", "Memory Foam Pillow",
            "Knitted Throw Blanket"]),
    ]
}
